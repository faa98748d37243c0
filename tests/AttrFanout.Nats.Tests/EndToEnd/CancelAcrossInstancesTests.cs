using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>
/// Two instances of one app on one server (the cancel function runs one attempt at a time): runs are cancelled from the
/// instance that does not hold them, one executing on the other instance and one pending behind it.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class CancelAcrossInstancesTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_run_cancelled_from_the_other_instance_stops_if_executing_and_never_starts_if_pending()
    {
        await using var store = new NatsFlowControlStore(server.NewOptions());
        await using var first = await store.StartAsync();
        await using var second = await store.StartAsync();
        var test = Guid.NewGuid().ToString("N");

        var one = (await first.Sender.SendAsync(new CancelJob(test, "k") { Block = true })).RunIds.Single();
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "k") == 1), "one instance executes the run");
        var executor = await ExecutorOfAsync([first, second], one);
        var other = executor == first ? second : first;

        // The other instance stops taking runs, so the next one waits behind the executing one on the executor's side.
        await other.StopAsync();
        var pending = (await executor.Sender.SendAsync(new CancelJob(test, "k"))).RunIds.Single();
        var ended = executor.Runs.WaitForCompletionAsync(one);

        // The pending run first: once the executing one is cancelled, its instance is free to take the next run.
        var cancelledPending = await other.Runs.CancelAsync(pending);
        var requested = await other.Runs.CancelAsync(one);

        Assert.Equal(RunStatus.Cancelled, cancelledPending?.Status);
        Assert.NotEqual(RunStatus.Succeeded, requested?.Status);
        var run = await ended.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(FlowProbe.TokenFired(one), "the executing attempt's token fired on the other instance");

        var barrier = (await executor.Sender.SendAsync(new CancelJob(test, "k"))).RunIds.Single();
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Starts(test, "k").Any(s => s.RunId == barrier)), "a later run starts");
        Assert.DoesNotContain(FlowProbe.Starts(test, "k"), s => s.RunId == pending);
        Assert.Equal(RunStatus.Cancelled, (await executor.Runs.GetAsync(pending))?.Status);
        Assert.Equal(RunStatus.Cancelled, (await other.Runs.GetAsync(one))?.Status);
        Assert.Single(FlowProbe.Starts(test, "k"), s => s.RunId == one);
    }

    /// <summary>The instance that holds the run executing (its store knows it running).</summary>
    private static async Task<ConformanceApp> ExecutorOfAsync(ConformanceApp[] apps, string runId)
    {
        foreach (var app in apps)
        {
            if ((await app.Runs.GetAsync(runId))?.Status == RunStatus.Running)
            {
                return app;
            }
        }

        throw new Xunit.Sdk.XunitException($"no instance executes run {runId}");
    }
}
