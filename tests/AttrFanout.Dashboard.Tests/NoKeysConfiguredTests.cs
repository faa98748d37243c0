using System.Net;
using AttrFanout.Dashboard.Tests.Infrastructure;

namespace AttrFanout.Dashboard.Tests;

public sealed class NoKeysConfiguredTests
{
    [Fact]
    public async Task Without_configured_keys_the_endpoint_refuses_every_request_and_says_why()
    {
        await using var app = new ShopApp(new Dictionary<string, string?> { ["AttrFanout:EventKeys:0"] = "", ["AttrFanout:EventKeys:1"] = "" });
        using var client = app.CreateClient();

        var withSampleKey = await EventPost.SendAsync(client, EventPost.Order("nokeys-1", "o-nk1"), key: "local-example-key");
        var withEmptyKey = await EventPost.SendAsync(client, EventPost.Order("nokeys-2", "o-nk2"), key: "");

        Assert.Equal(HttpStatusCode.InternalServerError, withSampleKey.Status);
        Assert.Contains("no event keys configured (AttrFanout:EventKeys)", withSampleKey.Error);
        Assert.Equal(HttpStatusCode.InternalServerError, withEmptyKey.Status);
        Assert.Empty(app.Log.Lines);
    }
}
