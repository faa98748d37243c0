using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>
/// The shared cancel-on-event conformance suite on JetStream, each store its own streams and buckets on the shared server,
/// in real time: a pending run ends cancelled when it is delivered, and the timeout test, which moves the clock, does not run.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class NatsCancelOnConformanceTests(NatsServerFixture server) : CancelOnConformanceTests
{
    protected override CancelOnStore CreateStore() => new NatsCancelOnStore(server.NewOptions());

    private sealed class NatsCancelOnStore(NatsJetStreamOptions nats) : CancelOnStore
    {
        public override bool IsDurable => true;

        public override bool KeepsSucceededRuns => false;

        public override bool CancelsPendingRunsAtOnce => false;

        public override TimeProvider Time => TimeProvider.System;

        public override void MoveClock(TimeSpan by) => throw new NotSupportedException("JetStream runs on the real clock.");

        protected override void AddServices(IServiceCollection services)
        {
        }

        protected override void UseStore(AttrFanoutOptions options) => options.UseNatsJetStream(nats.Url, n => n.UseStreamsOf(nats));

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what);
    }
}
