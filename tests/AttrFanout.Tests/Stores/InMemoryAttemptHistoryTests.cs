using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Tests.Stores;

/// <summary>What the in-memory store pays for attempt history: nothing more for a run that succeeds at its first attempt.</summary>
public sealed class InMemoryAttemptHistoryTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Recording_a_first_attempt_success_with_its_start_allocates_no_more_than_without_it()
    {
        var store = new InMemoryFanoutStore(100, new FakeTimeProvider(Start));
        var warmUp = await TakeAsync(store, "warm-up");
        await store.ReportAsync(RunOutcome.Succeeded(warmUp, 1, Start) with { StartedAt = Start }, CancellationToken.None);
        var withoutStart = await TakeAsync(store, "without-start");
        var withStart = await TakeAsync(store, "with-start");

        var bareOutcome = RunOutcome.Succeeded(withoutStart, 1, Start.AddMilliseconds(1500));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var bare = store.ReportAsync(bareOutcome, CancellationToken.None);
        var allocatedWithoutStart = GC.GetAllocatedBytesForCurrentThread() - before;

        var timedOutcome = RunOutcome.Succeeded(withStart, 1, Start.AddMilliseconds(1500)) with { StartedAt = Start.AddMilliseconds(250) };
        before = GC.GetAllocatedBytesForCurrentThread();
        var timed = store.ReportAsync(timedOutcome, CancellationToken.None);
        var allocatedWithStart = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(bare.IsCompletedSuccessfully && timed.IsCompletedSuccessfully);
        Assert.Equal(allocatedWithoutStart, allocatedWithStart);
        var run = await store.GetRunAsync(withStart.RunId, CancellationToken.None);
        var attempt = Assert.Single(run!.AttemptHistory);
        Assert.Equal((1, RunAttemptOutcome.Succeeded, Start.AddMilliseconds(250), TimeSpan.FromMilliseconds(1250)), (attempt.Number, attempt.Outcome, attempt.StartedAt, attempt.Duration));
        Assert.Equal(0, run.AttemptsNotKept);
    }

    [Fact]
    public async Task A_success_reported_without_its_start_keeps_no_attempt_and_says_one_is_missing()
    {
        var store = new InMemoryFanoutStore(100, new FakeTimeProvider(Start));
        var delivery = await TakeAsync(store, "untimed");

        await store.ReportAsync(RunOutcome.Succeeded(delivery, 1, Start), CancellationToken.None);

        var run = await store.GetRunAsync(delivery.RunId, CancellationToken.None);
        Assert.Empty(run!.AttemptHistory);
        Assert.Equal((1, 1), (run.Attempts, run.AttemptsNotKept));
    }

    private static async Task<RunDelivery> TakeAsync(InMemoryFanoutStore store, string eventId)
    {
        var submission = new EventSubmission(new Event<string>(eventId, "test/ping", Start, "ping"), [new RunRequest("ping")], Start.AddHours(1), Trace: null);
        await store.AcceptAsync(submission, CancellationToken.None);
        return (await store.TryTakeRunAsync("ping", CancellationToken.None))!;
    }
}
