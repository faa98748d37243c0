using AttrFanout;
using AttrFanout.Dashboard;
using Shop.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAttrFanout(o => o.UseSqlite());   // the database: ConnectionStrings:Shop in appsettings.json
builder.Services.AddAntiforgery();                     // the dashboard's replay and cancel forms carry a token
builder.Services.AddShopServices(builder.Configuration);

var app = builder.Build();
app.MapAttrFanoutDashboard("/attrfanout");             // no policy named: served to this machine only
app.MapAttrFanoutEvents("/e");                         // keys: AttrFanout:EventKeys
app.MapGet("/", () => Results.Redirect("/attrfanout"));
app.Run();

/// <summary>The app's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
