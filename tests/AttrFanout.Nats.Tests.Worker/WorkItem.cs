namespace AttrFanout.Nats.Tests.Worker;

[Event("work/item")]
public sealed partial record WorkItem(int N);

public sealed class Processor(WorkJournal journal)
{
    [OnEvent("work/item", Id = "process-item", Retries = 4)]
    public async Task Process(WorkItem item, CancellationToken cancellationToken)
    {
        journal.Write("start " + item.N);
        await Task.Delay(journal.Work, cancellationToken);
        journal.Write("done " + item.N);
    }
}
