using AttrFanout;
using AttrFanout.Testing.WebApp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAttrFanout();
builder.Services.AddSingleton<Warehouse>();

var app = builder.Build();
app.MapPost("/orders/{orderId}", async (string orderId, IEventSender sender, CancellationToken ct) =>
{
    var sent = await sender.SendAsync(new WebOrderPlaced(orderId), cancellationToken: ct);
    return Results.Text(sent.EventId, statusCode: StatusCodes.Status202Accepted);
});
app.Run();

/// <summary>The app's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
