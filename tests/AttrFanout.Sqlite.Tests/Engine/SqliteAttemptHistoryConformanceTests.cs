using AttrFanout.Conformance;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared attempt history conformance suite on a SQLite file.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SqliteAttemptHistoryConformanceTests : AttemptHistoryConformanceTests
{
    protected override ConformanceStore CreateStore() => new SqliteConformanceTests.SqliteConformanceStore();
}
