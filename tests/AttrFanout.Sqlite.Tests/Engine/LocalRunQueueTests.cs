using AttrFanout.Sqlite.Engine;

namespace AttrFanout.Sqlite.Tests.Engine;

public sealed class LocalRunQueueTests
{
    [Fact]
    public void A_new_queue_leases_from_the_file_first_since_runs_may_be_left_from_before_the_start()
    {
        var queue = new LocalRunQueue(limit: 2);

        Assert.True(queue.ShouldLeaseFromFile);
        Assert.True(queue.CanLeaseOnAccept);
    }

    [Fact]
    public void Runs_left_in_the_file_wait_behind_at_most_one_queue_of_runs_leased_on_accept()
    {
        var queue = new LocalRunQueue(limit: 2);
        queue.MarkLeased(queue.Reading, drained: true);
        queue.Enqueue(Run("a"));
        queue.Enqueue(Run("b"));
        Assert.False(queue.CanLeaseOnAccept);
        queue.MarkFileMayHoldDueRuns();

        Assert.False(queue.ShouldLeaseFromFile);
        Assert.True(queue.TryDequeue(out _));
        queue.Enqueue(Run("c"));
        Assert.False(queue.ShouldLeaseFromFile);
        Assert.True(queue.TryDequeue(out _));

        Assert.True(queue.ShouldLeaseFromFile);
    }

    [Fact]
    public void A_queue_takes_runs_on_accept_up_to_its_capacity_and_still_leases_from_the_file_every_lease_batch()
    {
        var queue = new LocalRunQueue(leaseBatch: 2, capacity: 4);
        queue.MarkLeased(queue.Reading, drained: true);
        foreach (var id in new[] { "a", "b", "c" })
        {
            queue.Enqueue(Run(id));
        }

        Assert.True(queue.CanLeaseOnAccept);
        queue.Enqueue(Run("d"));
        Assert.False(queue.CanLeaseOnAccept);

        queue.MarkFileMayHoldDueRuns();
        Assert.True(queue.TryDequeue(out _));
        Assert.False(queue.ShouldLeaseFromFile);
        Assert.True(queue.TryDequeue(out _));
        Assert.True(queue.ShouldLeaseFromFile);
    }

    [Fact]
    public void Only_a_short_lease_with_nothing_marked_since_it_began_records_the_file_as_drained()
    {
        var queue = new LocalRunQueue(limit: 2);

        var reading = queue.Reading;
        queue.MarkFileMayHoldDueRuns();
        queue.MarkLeased(reading, drained: true);
        Assert.True(queue.ShouldLeaseFromFile);

        queue.MarkLeased(queue.Reading, drained: false);
        Assert.True(queue.ShouldLeaseFromFile);

        queue.MarkLeased(queue.Reading, drained: true);
        Assert.False(queue.ShouldLeaseFromFile);
    }

    private static LeasedRun Run(string id) =>
        new(id, "f", Attempt: 1, MaxAttempts: 1, DateTimeOffset.UnixEpoch, AttemptLeases: 1, "e", "test/event", DateTimeOffset.UnixEpoch, []);
}
