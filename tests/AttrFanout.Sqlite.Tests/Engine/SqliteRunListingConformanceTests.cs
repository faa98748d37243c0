using AttrFanout.Conformance;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared runs API conformance suite on a SQLite file.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SqliteRunListingConformanceTests : RunListingConformanceTests
{
    protected override ConformanceStore CreateStore() => new SqliteConformanceTests.SqliteConformanceStore();
}
