using System.Net;
using AttrFanout.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using Shop.Events;
using static Microsoft.Playwright.Assertions;

namespace AttrFanout.Dashboard.Tests;

/// <summary>The dashboard in headless Chromium, against the Dashboard sample on a real Kestrel port.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class DashboardBrowserTests(Chromium chromium)
{
    /// <summary>The warehouse fails once and its function does not retry, so the first order's warehouse run fails for good.</summary>
    private static readonly Dictionary<string, string?> OneFailure = new()
    {
        ["Shop:WarehouseOutages"] = "1",
        ["AttrFanout:Functions:notify-warehouse:Retries"] = "0",
    };

    [Fact]
    public async Task The_functions_page_lists_every_function()
    {
        await using var app = new ShopApp();
        var page = await OpenAsync(app.StartKestrel() + "/attrfanout/");

        var listed = await page.Locator("tr[data-function]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.function)");

        Assert.Equal(app.Catalog.Functions.Select(static f => f.Id).Order(), listed.Order());
        await Expect(page.Locator("tr[data-function='notify-warehouse'] td").Nth(3)).ToHaveTextAsync("2");
    }

    /// <summary>The warehouse fails three calls: the first order's warehouse run fails its three attempts (Retries = 2, 10 ms apart).</summary>
    private static readonly Dictionary<string, string?> ThreeFailures = new() { ["Shop:WarehouseOutages"] = "3" };

    [Fact]
    public async Task A_failed_run_shows_its_attempts_and_error_and_replay_runs_it_again_until_the_page_shows_succeeded()
    {
        await using var app = new ShopApp(ThreeFailures);
        var address = app.StartKestrel();
        var failed = await FailWarehouseRunAsync(app);
        var page = await OpenAsync($"{address}/attrfanout/runs/{failed.RunId}");

        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("Failed");
        await Expect(page.Locator("dd.attempts")).ToHaveTextAsync("3");
        await Expect(page.Locator("dd.error .error-type")).ToHaveTextAsync("System.Net.Http.HttpRequestException");
        await Expect(page.Locator("dd.error .error-message")).ToHaveTextAsync("Warehouse unavailable (503) for order o-fail, attempt 3");
        var attempts = page.Locator("ol.timeline li.attempt");
        await Expect(attempts).ToHaveCountAsync(3);
        for (var number = 1; number <= 3; number++)
        {
            var attempt = attempts.Nth(number - 1);
            await Expect(attempt.Locator(".attempt-number")).ToHaveTextAsync($"Attempt {number}");
            await Expect(attempt.Locator(".attempt-outcome")).ToHaveTextAsync(number < 3 ? "Failed, retried" : "Failed");
            await Expect(attempt.Locator(".error-message")).ToHaveTextAsync($"Warehouse unavailable (503) for order o-fail, attempt {number}");
        }

        var stackTrace = attempts.Nth(2).Locator("details.stack-trace pre");
        await Expect(stackTrace).Not.ToBeVisibleAsync();
        await attempts.Nth(2).Locator("details.stack-trace summary").ClickAsync();
        await Expect(stackTrace).ToBeVisibleAsync();
        await Expect(stackTrace).ToContainTextAsync("WarehouseApi");
        await SaveScreenshotAsync(page);

        await page.Locator("button.replay").ClickAsync();

        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("Succeeded", new() { Timeout = 5000 });
        await Expect(page.Locator("dl.run")).ToContainTextAsync(failed.RunId);
        var original = await app.Runs.GetAsync(failed.RunId);
        Assert.NotNull(original!.ReplayedBy);
        Assert.Equal(RunStatus.Succeeded, (await app.Runs.GetAsync(original.ReplayedBy))!.Status);
    }

    [Fact]
    public async Task A_run_waiting_for_its_retry_is_cancelled_from_its_page()
    {
        await using var app = new ShopApp(new Dictionary<string, string?>
        {
            ["Shop:WarehouseOutages"] = "1000",
            ["AttrFanout:BaseRetryDelay"] = "01:00:00",
            ["AttrFanout:MaxRetryDelay"] = "02:00:00",
        });
        var address = app.StartKestrel();
        var sent = await app.Sender.SendAsync(new OrderPlaced("o-wait", "wait@example.com", 5m), new SendOptions { Id = "wait-1" });
        var warehouseRun = sent.RunIds.Single(static id => id.EndsWith("-notify-warehouse", StringComparison.Ordinal));
        var page = await OpenAsync($"{address}/attrfanout/runs/{warehouseRun}");

        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("Waiting for retry");
        await page.Locator("button.cancel").ClickAsync();

        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("dl.run")).ToContainTextAsync("cancelled by request");
        await Expect(page.Locator("button.cancel")).ToHaveCountAsync(0);
        Assert.Equal(RunStatus.Cancelled, (await app.WaitAsync(warehouseRun)).Status);
    }

    [Fact]
    public async Task The_read_only_dashboard_has_no_replay_button_and_refuses_a_replay_post()
    {
        await using var app = new ShopApp(new Dictionary<string, string?>(OneFailure) { ["Shop:DashboardReadOnly"] = "true" });
        var address = app.StartKestrel();
        var failed = await FailWarehouseRunAsync(app);

        var page = await OpenAsync($"{address}/attrfanout/runs/{failed.RunId}");
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("Failed");
        await Expect(page.Locator("header .badge")).ToHaveTextAsync("read-only");
        await Expect(page.Locator("button.replay")).ToHaveCountAsync(0);
        await page.GotoAsync($"{address}/attrfanout/failed");
        await Expect(page.Locator($"tr[data-run='{failed.RunId}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("button")).ToHaveTextAsync(["Filter"]);

        var post = await page.APIRequest.PostAsync($"{address}/attrfanout/runs/{failed.RunId}/replay");
        Assert.Equal(403, post.Status);
        Assert.Null((await app.Runs.GetAsync(failed.RunId))!.ReplayedBy);
    }

    [Fact]
    public async Task An_anonymous_request_from_another_machine_is_refused()
    {
        // Simulated: a first middleware (RemoteAddressFilter) sets the connection's remote address to 203.0.113.7.
        await using var app = new ShopApp(services: RemoteAddressFilter.Install(IPAddress.Parse("203.0.113.7")));
        var address = app.StartKestrel();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"{address}/attrfanout/");

        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("body")).ToContainTextAsync("serves only requests from this machine");
        await Expect(page.Locator("table")).ToHaveCountAsync(0);
    }

    private static async Task<FunctionRun> FailWarehouseRunAsync(ShopApp app)
    {
        var sent = await app.Sender.SendAsync(new OrderPlaced("o-fail", "fail@example.com", 42m), new SendOptions { Id = "fail-1" });
        var runs = await Task.WhenAll(sent.RunIds.Select(app.WaitAsync));
        var failed = Assert.Single(runs, static r => r.Status == RunStatus.Failed);
        Assert.Equal("notify-warehouse", failed.FunctionId);
        return failed;
    }

    private async Task<IPage> OpenAsync(string url)
    {
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(5000);
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        return page;
    }

    /// <summary>Saves the failed run's page as docs/images/dashboard.png when ATTRFANOUT_SCREENSHOT is set, so CI leaves the tree alone.</summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("ATTRFANOUT_SCREENSHOT") is not { Length: > 0 })
        {
            return;
        }

        var path = Path.Combine(Repository.Root, "docs", "images", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }
}
