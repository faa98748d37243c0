using AttrFanout.Conformance;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared filter conformance suite on the in-memory store.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class InMemoryFilterConformanceTests : FilterConformanceTests
{
    protected override ConformanceStore CreateStore() => new InMemoryConformanceTests.InMemoryConformanceStore();
}
