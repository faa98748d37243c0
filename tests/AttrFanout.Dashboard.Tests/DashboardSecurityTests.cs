using System.Net;
using AttrFanout.Dashboard.Tests.Infrastructure;
using Shop.Events;

namespace AttrFanout.Dashboard.Tests;

/// <summary>The dashboard's defences over plain HTTP (the in-memory test server, with a loopback remote address set by a first middleware).</summary>
public sealed class DashboardSecurityTests : IAsyncLifetime
{
    private readonly ShopApp _app = new(
        new Dictionary<string, string?> { ["Shop:WarehouseOutages"] = "1", ["AttrFanout:Functions:notify-warehouse:Retries"] = "0" },
        services: RemoteAddressFilter.Install(IPAddress.Loopback));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_replay_post_without_the_antiforgery_token_is_refused_and_replays_nothing()
    {
        var failed = await FailAsync("o-csrf");
        using var client = _app.CreateClient();

        using var response = await client.PostAsync($"/attrfanout/runs/{failed.RunId}/replay", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync());
        Assert.Null((await _app.Runs.GetAsync(failed.RunId))!.ReplayedBy);
    }

    [Fact]
    public async Task A_cross_site_replay_post_is_refused_before_its_token_is_read()
    {
        var failed = await FailAsync("o-cross");
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/attrfanout/runs/{failed.RunId}/replay") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("another site", await response.Content.ReadAsStringAsync());
        Assert.Null((await _app.Runs.GetAsync(failed.RunId))!.ReplayedBy);
    }

    [Fact]
    public async Task An_error_message_with_markup_is_shown_encoded()
    {
        var failed = await FailAsync("<script>alert(1)</script>");
        using var client = _app.CreateClient();

        var html = await client.GetStringAsync($"/attrfanout/runs/{failed.RunId}");
        var list = await client.GetStringAsync("/attrfanout/failed");

        Assert.Contains("for order &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<script>alert", list);
    }

    [Fact]
    public async Task Pages_forbid_framing_and_scripts_from_elsewhere()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/attrfanout/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task A_request_through_a_proxy_on_this_machine_is_refused_without_a_policy()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.4");

        using var response = await client.GetAsync("/attrfanout/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<FunctionRun> FailAsync(string orderId)
    {
        var sent = await _app.Sender.SendAsync(new OrderPlaced(orderId, "x@example.com", 1m));
        var runs = await Task.WhenAll(sent.RunIds.Select(_app.WaitAsync));
        return Assert.Single(runs, static r => r.Status == RunStatus.Failed);
    }
}
