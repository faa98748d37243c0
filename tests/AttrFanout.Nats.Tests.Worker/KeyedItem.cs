namespace AttrFanout.Nats.Tests.Worker;

[Event("work/keyed")]
public sealed partial record KeyedItem(string Account, int N);

/// <summary>
/// At most two runs per account execute at once, across every worker: each execution is journaled with the shared
/// monotonic clock (<see cref="System.Diagnostics.Stopwatch"/>), so the test can merge the workers' journals and count overlaps.
/// </summary>
public sealed class KeyedProcessor(WorkJournal journal)
{
    [OnEvent("work/keyed", Id = "process-keyed", Retries = 4)]
    [Concurrency(2, Key = nameof(KeyedItem.Account))]
    public async Task Process(KeyedItem item, FunctionContext context, CancellationToken cancellationToken)
    {
        journal.Write($"kstart {item.Account} {item.N} {System.Diagnostics.Stopwatch.GetTimestamp()} {context.RunId}");
        await Task.Delay(journal.Work, cancellationToken);
        journal.Write($"kdone {item.Account} {item.N} {System.Diagnostics.Stopwatch.GetTimestamp()} {context.RunId}");
    }
}
