using System.Net;
using System.Text.Json.Nodes;
using AttrFanout.Dashboard.Tests.Infrastructure;
using Shop.Events;

namespace AttrFanout.Dashboard.Tests;

/// <summary>The events, runs and functions pages over plain HTTP on the sample's SQLite file (loopback remote address set by a first middleware).</summary>
public sealed class DashboardPagesTests : IAsyncLifetime
{
    private readonly ShopApp _app = new(
        new Dictionary<string, string?> { ["Shop:WarehouseOutages"] = "1", ["AttrFanout:Functions:notify-warehouse:Retries"] = "0" },
        services: RemoteAddressFilter.Install(IPAddress.Loopback));

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_events_page_lists_events_most_recent_first_with_their_runs_and_finds_one_by_id()
    {
        await SendAsync("page-event-1", "o-pe1");
        await SendAsync("page-event-2", "o-pe2");

        var all = await _client.GetStringAsync("/attrfanout/events");
        var one = await _client.GetStringAsync("/attrfanout/events?id=page-event-1");

        var second = all.IndexOf("data-event=\"page-event-2\"", StringComparison.Ordinal);
        Assert.InRange(second, 0, all.IndexOf("data-event=\"page-event-1\"", StringComparison.Ordinal) - 1);
        Assert.Contains("data-event=\"page-event-1\"", one);
        Assert.DoesNotContain("page-event-2", one);
        Assert.Contains(">notify-warehouse</a> <span class=\"status status-failed\">Failed</span>", one);
        Assert.Contains(">email-receipt</a> <span class=\"status status-succeeded\">Succeeded</span>", one);
    }

    [Fact]
    public async Task The_runs_page_filters_by_status_and_the_functions_page_counts_failed_runs()
    {
        var runs = await SendAsync("page-runs-1", "o-pr1");
        var failed = Assert.Single(runs, static r => r.Status == RunStatus.Failed);
        var succeeded = runs.Where(static r => r.Status == RunStatus.Succeeded).Select(static r => r.RunId).ToList();

        var failedOnly = await _client.GetStringAsync("/attrfanout/runs?status=failed");
        var functions = await _client.GetStringAsync("/attrfanout/");

        Assert.Contains($"data-run=\"{failed.RunId}\"", failedOnly);
        Assert.All(succeeded, id => Assert.DoesNotContain($"data-run=\"{id}\"", failedOnly));
        Assert.Contains("href=\"/attrfanout/failed?function=notify-warehouse\" class=\"count-failed\">1</a>", functions);
        Assert.Contains("href=\"/attrfanout/failed?function=email-receipt\" class=\"muted\">0</a>", functions);
    }

    [Fact]
    public async Task The_json_api_gives_counts_and_runs_with_statuses_as_strings()
    {
        var runs = await SendAsync("page-api-1", "o-api1");
        var failed = Assert.Single(runs, static r => r.Status == RunStatus.Failed);

        var counts = JsonNode.Parse(await _client.GetStringAsync("/attrfanout/api/counts"))!;
        var page = JsonNode.Parse(await _client.GetStringAsync("/attrfanout/api/runs?status=failed"))!;
        var run = JsonNode.Parse(await _client.GetStringAsync($"/attrfanout/api/runs/{failed.RunId}"))!;

        var warehouse = counts["functions"]!.AsArray().Single(static f => f!["functionId"]!.GetValue<string>() == "notify-warehouse")!;
        Assert.Equal(1, warehouse["failed"]!.GetValue<int>());
        Assert.Equal([failed.RunId], page["runs"]!.AsArray().Select(static r => r!["runId"]!.GetValue<string>()));
        Assert.Equal("Failed", run["status"]!.GetValue<string>());
        Assert.Equal("System.Net.Http.HttpRequestException", run["errorType"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_run_page_shows_each_attempt_with_its_error_escaped_and_its_stack_trace_in_details_and_the_api_carries_them()
    {
        var runs = await SendAsync("page-attempts-1", "o-<b>pa1</b>");
        var failed = Assert.Single(runs, static r => r.Status == RunStatus.Failed);
        var succeeded = runs.First(static r => r.Status == RunStatus.Succeeded);

        var failedPage = await _client.GetStringAsync($"/attrfanout/runs/{failed.RunId}");
        var succeededPage = await _client.GetStringAsync($"/attrfanout/runs/{succeeded.RunId}");
        var api = JsonNode.Parse(await _client.GetStringAsync($"/attrfanout/api/runs/{failed.RunId}"))!;

        Assert.Contains("<li class=\"attempt attempt-failed\">", failedPage);
        Assert.Contains("<span class=\"attempt-number\">Attempt 1</span> <span class=\"attempt-outcome\">Failed</span>", failedPage);
        Assert.Contains("for order o-&lt;b&gt;pa1&lt;/b&gt;, attempt 1", failedPage);
        Assert.DoesNotContain("<b>pa1</b>", failedPage);
        Assert.Contains("<details class=\"stack-trace\"><summary>Stack trace</summary><pre class=\"mono\">", failedPage);
        Assert.Contains("<span class=\"attempt-number\">Attempt 1</span> <span class=\"attempt-outcome\">Succeeded</span>", succeededPage);
        Assert.DoesNotContain("not-kept", succeededPage);

        var attempt = Assert.Single(api["attemptHistory"]!.AsArray())!;
        Assert.Equal(1, attempt["number"]!.GetValue<int>());
        Assert.Equal("Failed", attempt["outcome"]!.GetValue<string>());
        Assert.Equal("System.Net.Http.HttpRequestException", attempt["errorType"]!.GetValue<string>());
        Assert.Contains("WarehouseApi", attempt["stackTrace"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, api["attemptsNotKept"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_run_is_a_404_page_that_says_why()
    {
        using var response = await _client.GetAsync("/attrfanout/runs/999-nothing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not know the run", await response.Content.ReadAsStringAsync());
    }

    private async Task<FunctionRun[]> SendAsync(string id, string orderId)
    {
        var sent = await _app.Sender.SendAsync(new OrderPlaced(orderId, "p@example.com", 2m), new SendOptions { Id = id });
        return await Task.WhenAll(sent.RunIds.Select(_app.WaitAsync));
    }
}
