using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>A store that is down is logged once in full, then as a short reminder at most once a minute, whatever the number of functions.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task A_store_that_keeps_failing_is_logged_once_then_throttled()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<IFanoutStore>(sp => new StoreThatIsDown(new InMemoryFanoutStore(100, sp.GetRequiredService<TimeProvider>()))));
        var store = (StoreThatIsDown)app.Get<IFanoutStore>();
        app.Engine.Start();

        for (var second = 0; second < 150; second++)
        {
            var before = store.Takes;
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Safety.UntilAsync(() => Task.FromResult(store.Takes > before));
        }

        Assert.True(store.Takes > 150, $"takes {store.Takes}");
        Assert.Equal(1, app.Logs.Count(eventId: 1005));
        Assert.Equal(2, app.Logs.Count(eventId: 1010));
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 1010 && e.Message.Contains("database is down", StringComparison.Ordinal));
        await app.Engine.StopAsync().Safe();
    }

    private sealed class StoreThatIsDown(InMemoryFanoutStore inner) : IFanoutStore
    {
        private int _takes;

        public int Takes => Volatile.Read(ref _takes);

        public bool IsDurable => inner.IsDurable;

        public ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken) => inner.AcceptAsync(submission, cancellationToken);

        public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _takes);
            throw new InvalidOperationException("database is down");
        }

        public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken) => inner.ReportAsync(outcome, cancellationToken);

        public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

        public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken) => inner.ListFailedAsync(query, cancellationToken);

        public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ReplayAsync(runId, newRunId, now, cancellationToken);
    }
}
