using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared filter conformance suite on JetStream.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsFilterConformanceTests(NatsServerFixture server) : FilterConformanceTests
{
    protected override ConformanceStore CreateStore() => new NatsConformanceTests.NatsConformanceStore(server.NewOptions());
}
