using AttrFanout.Cli.Tests.Infrastructure;

namespace AttrFanout.Cli.Tests;

/// <summary>The tool on the running Dashboard sample through Kestrel: its dashboard's JSON API and forms, and its event endpoint.</summary>
public sealed class DashboardTargetTests : IAsyncLifetime
{
    private readonly ShopApp _app = ShopHost.Create();
    private string _dashboard = "";

    public Task InitializeAsync()
    {
        _dashboard = _app.StartKestrel() + "/attrfanout";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Functions_lists_every_function_with_its_trigger_and_retries()
    {
        var result = await Tool.RunAsync("functions", "--url", _dashboard, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var functions = result.Json().GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(["email-receipt", "notify-warehouse", "page-on-call", "reserve-stock"], functions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2", functions["notify-warehouse"].GetProperty("retries").GetString());
        Assert.Equal("shop/order.placed", functions["notify-warehouse"].GetProperty("triggers")[0].GetString());
    }

    [Fact]
    public async Task Send_with_the_key_fans_out_and_the_failed_run_is_listed_and_replayed_to_success()
    {
        var sent = await Tool.RunAsync("send", "shop/order.placed", "--data", """{"orderId":"h-1","email":"ada@example.com","total":42}""", "--id", "order-h-1", "--url", _dashboard, "--event-key", ShopApp.Key, "--json");
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var runIds = sent.Json().GetProperty("runIds").EnumerateArray().Select(static r => r.GetString()!).ToList();
        Assert.Equal(3, runIds.Count);
        var warehouseRun = runIds.Single(static r => r.EndsWith("-notify-warehouse", StringComparison.Ordinal));
        Assert.Equal(RunStatus.Failed, (await _app.WaitAsync(warehouseRun)).Status);

        var failed = await Tool.RunAsync("runs", "--status", "failed", "--url", _dashboard);
        var replayed = await Tool.RunAsync("replay", warehouseRun, "--url", _dashboard, "--json");

        Assert.True(failed.ExitCode == 0, failed.ToString());
        Assert.Contains(warehouseRun, failed.Out);
        Assert.True(replayed.ExitCode == 0, replayed.ToString());
        var replayId = replayed.Json().GetProperty("runId").GetString()!;
        Assert.Equal(RunStatus.Succeeded, (await _app.WaitAsync(replayId)).Status);
        var again = await Tool.RunAsync("replay", warehouseRun, "--url", _dashboard);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"already replayed, as run {replayId}", again.Error);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_never_printed()
    {
        var result = await Tool.RunAsync("send", "shop/order.placed", "--data", """{"orderId":"h-2","email":"a@example.com","total":1}""", "--url", _dashboard, "--event-key", "wrong-key-123456");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401", result.Error);
        Assert.DoesNotContain("wrong-key-123456", result.Error + result.Out);
    }

    [Fact]
    public async Task Bad_JSON_names_its_line_and_position_and_sends_nothing()
    {
        var result = await Tool.RunAsync("send", "shop/order.placed", "--data", "{\n  \"orderId\": h-3\n}", "--url", _dashboard, "--event-key", ShopApp.Key);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not valid JSON at line 2, position 14", result.Error);
        Assert.Equal(0, _app.Warehouse.Calls);
    }

    [Fact]
    public async Task An_unknown_run_and_an_unreachable_app_fail_with_exit_code_1()
    {
        var unknown = await Tool.RunAsync("runs", "show", "999-notify-warehouse", "--url", _dashboard);
        var unreachable = await Tool.RunAsync("runs", "--url", $"http://127.0.0.1:{FreePort.Next()}/attrfanout");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No run '999-notify-warehouse'", unknown.Error);
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("Cannot reach dashboard", unreachable.Error);
    }

    [Fact]
    public async Task A_confirmed_set_replay_through_the_dashboard_replays_the_failed_run()
    {
        var runId = await _app.OrderAsync("h-set");
        Assert.Equal(RunStatus.Failed, (await _app.WaitAsync(runId)).Status);

        var asked = await Tool.RunAsync("replay", "--failed", "--event", "shop/order.placed", "--url", _dashboard);
        var confirmed = await Tool.RunAsync("replay", "--failed", "--event", "shop/order.placed", "--url", _dashboard, "--yes");

        Assert.Equal(2, asked.ExitCode);
        Assert.Contains(runId, asked.Out);
        Assert.True(confirmed.ExitCode == 0, confirmed.ToString());
        Assert.Contains("Replayed 1 failed run(s) of event shop/order.placed", confirmed.Out);
        var replayId = (await _app.Runs.GetAsync(runId))!.ReplayedBy;
        Assert.NotNull(replayId);
        Assert.Equal(RunStatus.Succeeded, (await _app.WaitAsync(replayId)).Status);
    }
}
