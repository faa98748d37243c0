using AttrFanout.FlowControl;
using AttrFanout.Stores.InMemory;

namespace AttrFanout.Tests.Stores;

public sealed class InMemoryPriorityQueueTests
{
    private static readonly DateTimeOffset Due = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly EventEnvelope Event = new Event<string>("e-1", "tests/queue", Due, "x");

    private static InMemoryRun Run(int n, int priority, TimeSpan dueAfter = default) =>
        new((ulong)n, $"{n}-ranked", "ranked", Event, trace: null, Due + dueAfter) { Keys = new RunKeys { Priority = priority } };

    [Fact]
    public void Runs_with_keys_are_taken_by_due_time_less_priority_and_in_the_order_added_on_ties()
    {
        var queue = new InMemoryRunQueue();
        queue.Add(Run(1, 0));
        queue.Add(Run(2, 30));
        queue.Add(Run(3, 0));
        queue.Add(Run(4, -30));
        queue.Add(Run(5, 0, dueAfter: TimeSpan.FromSeconds(-10)));
        queue.Add(Run(6, 60, dueAfter: TimeSpan.FromSeconds(50)));

        var taken = new List<string>();
        while (queue.TryTake(out var run))
        {
            taken.Add(run.RunId);
        }

        Assert.Equal(["2-ranked", "5-ranked", "6-ranked", "1-ranked", "3-ranked", "4-ranked"], taken);
        Assert.Equal(0, queue.WaitingCount);
    }

    [Fact]
    public async Task A_worker_waiting_on_an_empty_queue_wakes_for_a_run_with_keys()
    {
        var queue = new InMemoryRunQueue();
        var waiting = queue.WaitToTakeAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        queue.Add(Run(1, 5));

        Assert.True(await waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(queue.TryTake(out var run));
        Assert.Equal("1-ranked", run.RunId);
    }
}
