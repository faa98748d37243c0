using AttrFanout.Cli.Tests.Infrastructure;

namespace AttrFanout.Cli.Tests;

/// <summary>Cancel through the SQLite file and through the dashboard, on runs of the running app that wait an hour for their next attempt.</summary>
public sealed class CancelTests : IAsyncLifetime
{
    private readonly ShopApp _app = ShopHost.Create(retryDelay: TimeSpan.FromHours(1));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_run_waiting_for_its_retry_ends_cancelled_and_a_second_cancel_says_it_had_ended()
    {
        var runId = await _app.OrderAsync("o-wait");
        await Poll.UntilAsync(async () => (await _app.Runs.GetAsync(runId))?.Status, static s => s == RunStatus.RetryScheduled, "the run to wait for its retry");

        var cancelled = await Tool.RunAsync("cancel", runId, "--sqlite", _app.DatabasePath);
        var again = await Tool.RunAsync("cancel", runId, "--sqlite", _app.DatabasePath);

        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.Contains($"Cancelled run {runId}", cancelled.Out);
        var run = await _app.Runs.GetAsync(runId);
        Assert.Equal(RunStatus.Cancelled, run!.Status);
        Assert.Equal(1, _app.Warehouse.Calls);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("had already ended (cancelled)", again.Error);
    }

    [Fact]
    public async Task Through_the_dashboard_a_run_waiting_for_its_retry_ends_cancelled()
    {
        var dashboard = _app.StartKestrel() + "/attrfanout";
        var runId = await _app.OrderAsync("o-wait-http");
        await Poll.UntilAsync(async () => (await _app.Runs.GetAsync(runId))?.Status, static s => s == RunStatus.RetryScheduled, "the run to wait for its retry");

        var cancelled = await Tool.RunAsync("cancel", runId, "--url", dashboard, "--json");

        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.Equal("Cancelled", cancelled.Json().GetProperty("status").GetString());
        Assert.Equal(RunStatus.Cancelled, (await _app.Runs.GetAsync(runId))!.Status);
    }
}
