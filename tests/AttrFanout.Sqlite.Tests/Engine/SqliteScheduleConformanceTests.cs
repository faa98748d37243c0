using AttrFanout.Conformance;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared schedule conformance suite on one SQLite file shared by three apps.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SqliteScheduleConformanceTests : ScheduleConformanceTests
{
    protected override ConformanceStore CreateStore() => new SqliteConformanceTests.SqliteConformanceStore();
}
