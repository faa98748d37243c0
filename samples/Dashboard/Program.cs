using AttrFanout;
using AttrFanout.Dashboard;
using Shop.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAttrFanout(o => o.UseSqlite());   // the database: ConnectionStrings:Shop in appsettings.json
builder.Services.AddAntiforgery();                     // the dashboard's replay and cancel forms carry a token
builder.Services.AddShopServices();

var app = builder.Build();
app.MapAttrFanoutDashboard("/attrfanout", o =>        // no policy named: served to this machine only
{
    o.ReadOnly = bool.TryParse(app.Configuration["Shop:DashboardReadOnly"], out var readOnly) && readOnly;
    o.RefreshInterval = TimeSpan.FromSeconds(1);
});
app.MapAttrFanoutEvents("/e");                         // keys: AttrFanout:EventKeys
app.MapGet("/", new RequestDelegate(static context =>
{
    context.Response.Redirect("/attrfanout");
    return Task.CompletedTask;
}));
app.Run();

/// <summary>The app's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
