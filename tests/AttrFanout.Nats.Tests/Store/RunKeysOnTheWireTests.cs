using System.Text;
using AttrFanout.Conformance;
using AttrFanout.FlowControl;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttrFanout.Nats.Tests.Store;

/// <summary>
/// A run's flow-control keys, sent in its function's header, come back with every delivery of the run: after a retry and
/// a deferral (through the retry bucket), a dead letter's replay, and a hand-back at shutdown. Deferred runs wait outside
/// the consumer's pending set.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class RunKeysOnTheWireTests(NatsServerFixture server)
{
    private static readonly RunKeys Keys = new() { Concurrency = "acct \"7\" ü", Priority = 5 };

    [Fact]
    public async Task A_runs_keys_come_back_on_its_retry_its_deferral_its_replay_and_its_hand_back()
    {
        var options = server.NewOptions();
        var catalog = FlowCatalog();
        var payload = Encoding.UTF8.GetBytes("""{"Test":"t","Key":"k"}""");
        await using (var store = NewStore(options, catalog))
        {
            var session = await store.OpenAsync(CancellationToken.None);
            var wire = new WireEvent("evt-keys", PerKeyJob.EventName, DateTimeOffset.UtcNow, payload, null)
            {
                FunctionHeaders = [new(RunHeaders.KeysOf(FlowFunctions.PerKey), Keys.Encode())],
            };
            await session.Publisher.PublishAsync(wire, CancellationToken.None);

            var first = await TakeAsync(store);
            Assert.Equal((Keys, 0), (first.Keys, first.Attempts));
            await store.ReportAsync(RunOutcome.RetryScheduled(first.RunId, 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new InvalidOperationException("once")), CancellationToken.None);

            var retried = await TakeAsync(store);
            Assert.Equal((first.RunId, Keys, 1), (retried.RunId, retried.Keys, retried.Attempts));
            await store.ReportAsync(RunOutcome.Deferred(retried.RunId, 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "concurrency"), CancellationToken.None);

            var deferred = await TakeAsync(store);
            Assert.Equal((first.RunId, Keys, 1), (deferred.RunId, deferred.Keys, deferred.Attempts));
            await store.ReportAsync(RunOutcome.Failed(deferred.RunId, 2, DateTimeOffset.UtcNow, new InvalidOperationException("twice")), CancellationToken.None);

            Assert.NotNull(await store.ReplayAsync(first.RunId, "replay-1", DateTimeOffset.UtcNow, CancellationToken.None));
            var replayed = await TakeAsync(store);
            Assert.Equal(("replay-1", Keys, 0), (replayed.RunId, replayed.Keys, replayed.Attempts));
            await store.ReportAsync(RunOutcome.Released(replayed.RunId, 0, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        await using var next = NewStore(options, catalog);
        var handedBack = await TakeAsync(next);
        Assert.Equal(("replay-1", Keys, 0), (handedBack.RunId, handedBack.Keys, handedBack.Attempts));
    }

    [Fact]
    public async Task More_deferred_runs_than_max_ack_pending_never_stall_the_functions_next_run()
    {
        const int Deferred = 1_100;
        var options = server.NewOptions();
        await using var store = NewStore(options, FlowCatalog());
        var session = await store.OpenAsync(CancellationToken.None);
        var payload = Encoding.UTF8.GetBytes("""{"Test":"t","Key":"k"}""");
        var later = DateTimeOffset.UtcNow.AddHours(1);
        await Task.WhenAll(Enumerable.Range(0, Deferred).Select(i =>
            session.Publisher.PublishAsync(new WireEvent("held-" + i, PerKeyJob.EventName, DateTimeOffset.UtcNow, payload, null), CancellationToken.None).AsTask()));

        for (var i = 0; i < Deferred; i++)
        {
            var run = await TakeAsync(store);
            await store.ReportAsync(RunOutcome.Deferred(run.RunId, 0, DateTimeOffset.UtcNow, later, "concurrency limit 2 for key 'k' is full"), CancellationToken.None);
        }

        await session.Publisher.PublishAsync(new WireEvent("next", PerKeyJob.EventName, DateTimeOffset.UtcNow, payload, null), CancellationToken.None);
        var next = await TakeAsync(store);

        Assert.Equal("next", next.Event.Id);
        await Eventually.PollAsync(() => Task.FromResult(store.CountWaitingRuns(FlowFunctions.PerKey)), count => count == Deferred, "every deferred run waiting in the retry bucket");
        var waiting = await store.GetRunAsync(RunIds.For(1, FlowFunctions.PerKey), CancellationToken.None);
        Assert.Equal((RunStatus.Pending, later.ToUnixTimeMilliseconds()), (waiting?.Status, waiting?.NextAttemptAt?.ToUnixTimeMilliseconds()));
    }

    private static async Task<RunDelivery> TakeAsync(NatsJetStreamStore store)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Assert.True(await store.WaitForRunAsync(FlowFunctions.PerKey, bound.Token));
            if (await store.TryTakeRunAsync(FlowFunctions.PerKey, bound.Token) is { } delivery)
            {
                return delivery;
            }
        }
    }

    private static NatsJetStreamStore NewStore(NatsJetStreamOptions options, FunctionCatalog catalog) =>
        new(options, new AttrFanoutOptions(), catalog, TimeProvider.System, NullLoggerFactory.Instance);

    private static FunctionCatalog FlowCatalog()
    {
        var services = new ServiceCollection();
        AttrFanoutRegistration.AddAttrFanoutCore(services, [FlowFunctions.Module], static _ => { });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<FunctionCatalog>();
    }
}
