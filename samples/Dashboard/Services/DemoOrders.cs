using AttrFanout;
using Shop.Events;

namespace Shop.Services;

/// <summary>Places three orders when the app starts (Shop:DemoOrders), one after the other, so the dashboard has runs to show: the first one's warehouse run fails.</summary>
public sealed class DemoOrders(IEventSender sender, IFunctionRuns runs, IConfiguration configuration, ILogger<DemoOrders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["Shop:DemoOrders"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        for (var n = 1; n <= 3; n++)
        {
            var order = new OrderPlaced($"o-{1000 + n}", $"customer{n}@example.com", 19.90m * n);
            var sent = await sender.SendAsync(order, new SendOptions { Id = $"demo-{order.OrderId}-{Guid.NewGuid():N}" }, stoppingToken);
            await Task.WhenAll(sent.RunIds.Select(id => runs.WaitForCompletionAsync(id, stoppingToken)));
        }

        logger.LogInformation("Placed three demo orders; open the dashboard to see their runs");
    }
}
