using AttrFanout.Sqlite.Queries;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Outcomes;

/// <summary>Turns failed runs back into pending runs due now, starting again at attempt 1.</summary>
internal sealed class ReplayOperation : WriteOperation<int>
{
    private const string Reset =
        "UPDATE runs SET status = 0, attempt = 1, attempt_leases = 0, due_at = $now, error_type = NULL, error_message = NULL, finished_at = NULL, updated_at = $now";

    private static readonly Statement ReplayOne = new($"{Reset} WHERE id = $id AND status = 3", "$now", "$id");

    private readonly IReadOnlyCollection<string>? _runIds;
    private readonly FailedRunFilter? _filter;

    public ReplayOperation(IReadOnlyCollection<string> runIds) => _runIds = runIds;

    public ReplayOperation(FailedRunFilter filter) => _filter = filter;

    protected override int Run(WriteContext context) => _runIds is not null ? ReplayByIds(context, _runIds) : ReplayMatching(context, _filter!);

    private static int ReplayByIds(WriteContext context, IReadOnlyCollection<string> runIds)
    {
        var command = context.Statements.Native(ReplayOne).Bind(0, context.NowStored);
        var replayed = 0;
        foreach (var runId in runIds)
        {
            replayed += command.Bind(1, runId).ExecuteNonQuery();
        }

        return replayed;
    }

    private static int ReplayMatching(WriteContext context, FailedRunFilter filter)
    {
        using var command = context.Statements.Connection.CreateCommand();
        var where = FailedRunSql.Where(command, filter);
        command.CommandText = $"{Reset} WHERE status = 3 AND id IN (SELECT r.id {FailedRunSql.From} {where})";
        command.Bind("$now", context.NowStored);
        return command.ExecuteNonQuery();
    }
}
