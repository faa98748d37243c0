using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared flow-control conformance suite on JetStream, each store its own streams and buckets on the shared server, in real time.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsFlowControlConformanceTests(NatsServerFixture server) : FlowControlConformanceTests
{
    protected override FlowControlStore CreateStore() => new NatsFlowControlStore(server.NewOptions());
}
