using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared flow-control conformance suite on JetStream, each store its own streams and buckets on the shared server, in real time.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsFlowControlConformanceTests(NatsServerFixture server) : FlowControlConformanceTests
{
    protected override FlowControlStore CreateStore() => new NatsFlowControlStore(server.NewOptions());

    private sealed class NatsFlowControlStore(NatsJetStreamOptions nats) : FlowControlStore
    {
        public override bool IsDurable => true;

        public override bool KeepsSucceededRuns => false;

        /// <summary>A real clock: the scheduling slack of timers and of replays through the retry bucket.</summary>
        public override TimeSpan ClockTolerance => TimeSpan.FromMilliseconds(500);

        protected override void AddServices(IServiceCollection services)
        {
        }

        protected override void UseStore(AttrFanoutOptions options)
        {
            options.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.UseNatsJetStream(nats.Url, n => n.UseStreamsOf(nats));
        }

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what);
    }
}
