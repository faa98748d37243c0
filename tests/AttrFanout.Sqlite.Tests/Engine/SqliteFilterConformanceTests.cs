using AttrFanout.Conformance;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared filter conformance suite on a SQLite file.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SqliteFilterConformanceTests : FilterConformanceTests
{
    protected override ConformanceStore CreateStore() => new SqliteConformanceTests.SqliteConformanceStore();
}
