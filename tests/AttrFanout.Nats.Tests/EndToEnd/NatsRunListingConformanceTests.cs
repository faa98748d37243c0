using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared runs API conformance suite on JetStream, each store its own streams on the shared server, in real time.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsRunListingConformanceTests(NatsServerFixture server) : RunListingConformanceTests
{
    protected override ConformanceStore CreateStore() => new NatsListingStore(server.NewOptions());

    private sealed class NatsListingStore(NatsJetStreamOptions nats) : ConformanceStore
    {
        public override bool IsDurable => true;

        public override bool KeepsSucceededRuns => false;

        protected override ServiceProvider Build(Action<AttrFanoutOptions> configure) =>
            new ServiceCollection()
                .AddAttrFanout(o =>
                {
                    o.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
                    o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                    o.UseNatsJetStream(nats.Url, n => n.UseStreamsOf(nats));
                    configure(o);
                })
                .BuildServiceProvider();

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what);
    }
}
