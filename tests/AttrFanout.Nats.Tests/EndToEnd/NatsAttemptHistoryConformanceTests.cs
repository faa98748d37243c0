using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared attempt history conformance suite on JetStream, each store its own streams on the shared server, in real time.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsAttemptHistoryConformanceTests(NatsServerFixture server) : AttemptHistoryConformanceTests
{
    protected override ConformanceStore CreateStore() => new NatsConformanceTests.NatsConformanceStore(server.NewOptions());
}
