using AttrFanout.Conformance;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared several-triggers conformance suite on the in-memory store.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class InMemoryTriggerConformanceTests : TriggerConformanceTests
{
    protected override ConformanceStore CreateStore() => new InMemoryConformanceTests.InMemoryConformanceStore();
}
