using AttrFanout.Conformance;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared schedule conformance suite on the in-memory store.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class InMemoryScheduleConformanceTests : ScheduleConformanceTests
{
    protected override ConformanceStore CreateStore() => new InMemoryConformanceTests.InMemoryConformanceStore();
}
