using System.Text.Json;
using AttrFanout.Dashboard.Tests.Infrastructure;

namespace AttrFanout.Dashboard.Tests;

/// <summary>Node.js sends to the endpoint on a real Kestrel port with its built-in fetch, as a JavaScript service would.</summary>
public sealed class NodeSenderTests
{
    [Fact]
    public async Task Node_fetch_sends_an_event_that_fans_out_and_a_wrong_key_is_refused()
    {
        await using var app = new ShopApp();
        var url = app.StartKestrel() + "/e";
        var body = JsonSerializer.Serialize(new { name = "shop/order.placed", data = new { orderId = "o-node", email = "node@example.com", total = 3.5m }, id = "node-1", ts = 1_765_000_000_000L });

        var refused = await NodeFetch.SendAsync(url, "not-a-key", body);
        var (status, answer) = await NodeFetch.SendAsync(url, ShopApp.Key, body);

        Assert.Equal(401, refused.Status);
        Assert.Equal(200, status);
        Assert.Equal("node-1", answer["ids"]![0]!.GetValue<string>());
        var runIds = answer["runIds"]![0]!.AsArray().Select(static n => n!.GetValue<string>()).ToList();
        Assert.Equal(app.Catalog.GetFunctions("shop/order.placed").Length, runIds.Count);
        var runs = await Task.WhenAll(runIds.Select(app.WaitAsync));
        Assert.All(runs, static r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Contains(app.Log.Lines, static l => l.Contains("receipt of o-node (3.50, ordered 2025-12-06T05:46:40.0000000+00:00)", StringComparison.Ordinal));
    }
}
