using System.Text;
using AttrFanout.FlowControl;
using AttrFanout.Sqlite.Tests.EngineWorker;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>
/// An event sent by this process cancels the run another engine process (tests/AttrFanout.Sqlite.Tests.EngineWorker, mode
/// <c>cancelon</c>) executes on the same file: its token fires there, and the run ends cancelled naming the event.
/// </summary>
public sealed class CancelOnAcrossProcessesTests
{
    [Fact]
    public async Task An_event_sent_here_cancels_the_run_another_process_executes()
    {
        await using var db = new TestDatabase(time: TimeProvider.System);
        var ledger = Path.Combine(Path.GetDirectoryName(db.Path)!, "ledger.txt");
        var runId = await AcceptWelcomeAsync(db, "ada");
        var other = await AcceptWelcomeAsync(db, "bob");
        using var worker = WorkerProcess.StartEngine("cancelon", db.Path, ledger);
        var started = new HashSet<string> { await worker.ExpectLineAsync(), await worker.ExpectLineAsync() };
        Assert.Equal([$"started {runId}", $"started {other}"], started.Order(StringComparer.Ordinal));

        var services = new ServiceCollection();
        AttrFanoutRegistration.AddAttrFanoutCore(services, [CancelOnJobs.Module], o => o.UseSqlite(db.ConnectionString));
        await using var provider = services.BuildServiceProvider();
        var sent = await provider.GetRequiredService<IEventSender>().SendAsync(new UserRemoved("ada"));

        Assert.Equal($"cancelled {runId}", await worker.ExpectLineAsync());
        var runs = provider.GetRequiredService<IFunctionRuns>();
        await Until.HoldsAsync(async () => (await runs.GetAsync(runId))?.Status == RunStatus.Cancelled, "the other process records the run cancelled");
        var run = (await runs.GetAsync(runId))!;
        Assert.Equal($"cancelled by event '{sent.EventId}' ({UserRemoved.EventName})", run.Reason);
        Assert.Equal(RunStatus.Running, (await runs.GetAsync(other))?.Status);

        await runs.CancelAsync(other);
        Assert.Equal($"cancelled {other}", await worker.ExpectLineAsync());
        Assert.Contains("drained", await worker.ReadToEndAsync(maxLines: 20));
        Assert.Equal(0, await worker.WaitForExitAsync());
    }

    private static async Task<string> AcceptWelcomeAsync(TestDatabase db, string userId)
    {
        await using var store = db.Open();
        var payload = Encoding.UTF8.GetBytes($"{{\"UserId\":\"{userId}\"}}");
        var run = new RunToCreate(CancelOnJobs.FunctionId, 1) { Keys = new RunKeys { CancelMatches = [userId] }.Encode() };
        var accepted = await store.AcceptAsync(new EventToAccept("welcome-" + userId, WelcomeSequence.EventName, DateTimeOffset.UtcNow, payload, [run]));
        return accepted.RunIds[0];
    }
}
