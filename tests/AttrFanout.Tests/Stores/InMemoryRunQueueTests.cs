using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;

namespace AttrFanout.Tests.Stores;

public sealed class InMemoryRunQueueTests
{
    private static readonly EventEnvelope Event = new Event<string>("e-1", "tests/queue", DateTimeOffset.UnixEpoch, "x");

    private static InMemoryRun Run(int n) => new((ulong)n, $"{n}-queued", "queued", Event, trace: null, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Every_run_added_while_the_worker_waits_or_takes_is_taken_once_in_order()
    {
        var queue = new InMemoryRunQueue();
        const int count = 200_000;
        var taken = new List<string>(count);
        var reader = Task.Run(async () =>
        {
            while (taken.Count < count)
            {
                Assert.True(await queue.WaitToTakeAsync(CancellationToken.None));
                while (queue.TryTake(out var run))
                {
                    taken.Add(run.RunId);
                }
            }
        });

        for (var i = 0; i < count; i++)
        {
            queue.Add(Run(i));
            if (i % 1_000 == 0)
            {
                await Task.Yield();
            }
        }

        await reader.Safe();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{i}-queued"), taken);
    }

    [Fact]
    public async Task A_wait_ends_when_its_token_is_cancelled_and_every_later_wait_is_cancelled_at_once()
    {
        var queue = new InMemoryRunQueue();
        using var stopping = new CancellationTokenSource();

        var waiting = queue.WaitToTakeAsync(stopping.Token).AsTask();
        Assert.False(waiting.IsCompleted);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Safe());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.WaitToTakeAsync(stopping.Token).AsTask().Safe());
    }

    [Fact]
    public void A_run_waiting_in_the_queue_is_taken_without_waiting()
    {
        var queue = new InMemoryRunQueue();
        queue.Add(Run(1));

        Assert.True(queue.WaitToTakeAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(queue.TryTake(out var run));
        Assert.Equal("1-queued", run.RunId);
        Assert.False(queue.TryTake(out _));
    }
}
