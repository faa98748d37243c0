using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared store conformance suite on JetStream, each store its own streams on the shared server, in real time.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsConformanceTests(NatsServerFixture server) : StoreConformanceTests
{
    protected override ConformanceStore CreateStore() => new NatsConformanceStore(server.NewOptions());

    internal sealed class NatsConformanceStore(NatsJetStreamOptions nats) : ConformanceStore
    {
        public override bool IsDurable => true;

        public override bool KeepsSucceededRuns => false;

        public override int AttemptsKept => AttrFanout.Nats.Wire.AttemptHistoryHeader.Limit;

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
