using AttrFanout.Conformance;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared attempt history conformance suite on the in-memory store.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class InMemoryAttemptHistoryConformanceTests : AttemptHistoryConformanceTests
{
    protected override ConformanceStore CreateStore() => new InMemoryConformanceTests.InMemoryConformanceStore();
}
