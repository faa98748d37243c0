using AttrFanout.Sqlite.Engine;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Sqlite.Tests.Engine;

public sealed class LeaseRenewerTests
{
    [Fact]
    public async Task Every_held_lease_is_renewed_at_once_and_the_ones_not_renewed_are_reported_lost()
    {
        var started = new List<string>();
        var pending = new List<TaskCompletionSource<bool>>();
        var lost = new List<string>();
        using var renewer = new LeaseRenewer(new FakeTimeProvider(), TimeSpan.FromSeconds(30), runId =>
        {
            started.Add(runId);
            var renewal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending.Add(renewal);
            return renewal.Task;
        }, lost.Add, error => throw error);
        renewer.Hold("a", "f");
        renewer.Hold("b", "f");
        renewer.Hold("c", "f");

        var renewing = renewer.RenewAllAsync();
        Assert.Equal(["a", "b", "c"], started.Order(StringComparer.Ordinal));
        pending.ForEach(renewal => renewal.SetResult(started[pending.IndexOf(renewal)] != "b"));
        await renewing;

        Assert.Equal(["b"], lost);
    }
}
