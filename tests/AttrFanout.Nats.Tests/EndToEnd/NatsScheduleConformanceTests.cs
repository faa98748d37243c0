using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared schedule conformance suite on JetStream, three apps on one server, in real time.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsScheduleConformanceTests(NatsServerFixture server) : ScheduleConformanceTests
{
    protected override ConformanceStore CreateStore() => new NatsConformanceTests.NatsConformanceStore(server.NewOptions());
}
