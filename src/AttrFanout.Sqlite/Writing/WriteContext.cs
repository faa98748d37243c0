using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Writing;

/// <summary>What an operation sees inside the batch's transaction: the batch's clock reading and the prepared commands.</summary>
internal sealed class WriteContext(DateTimeOffset now, StatementCache statements)
{
    public DateTimeOffset Now { get; } = now;

    public long NowStored { get; } = UnixTime.ToStored(now);

    public StatementCache Statements { get; } = statements;
}
