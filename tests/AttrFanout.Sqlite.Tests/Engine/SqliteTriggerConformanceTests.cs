using AttrFanout.Conformance;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared several-triggers conformance suite on a SQLite file.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SqliteTriggerConformanceTests : TriggerConformanceTests
{
    protected override ConformanceStore CreateStore() => new SqliteConformanceTests.SqliteConformanceStore();
}
