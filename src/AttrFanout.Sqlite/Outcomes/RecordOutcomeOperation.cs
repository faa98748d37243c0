using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Outcomes;

/// <summary>Records an outcome for a run the owner still holds; false when its lease was lost (expired and taken, or released).</summary>
internal sealed class RecordOutcomeOperation(string runId, string owner, RunOutcome outcome, DateTimeOffset? at = null) : WriteOperation<bool>
{
    private const string Leased = "WHERE id = $id AND status = 1 AND lease_owner = $owner";

    private static readonly Statement MarkSucceeded = new(
        $"UPDATE runs SET status = 2, lease_owner = NULL, lease_until = NULL, updated_at = $now, finished_at = $now {Leased}",
        "$now", "$id", "$owner");

    private static readonly Statement MarkRetrying = new(
        $"""
        UPDATE runs SET status = 0, attempt = $attempt, attempt_leases = 0, due_at = $due, lease_owner = NULL, lease_until = NULL,
            error_type = $error_type, error_message = $error_message, updated_at = $now
        {Leased}
        """,
        "$now", "$id", "$owner", "$attempt", "$due", "$error_type", "$error_message");

    private static readonly Statement MarkFailed = new(
        $"""
        UPDATE runs SET status = 3, lease_owner = NULL, lease_until = NULL,
            error_type = $error_type, error_message = $error_message, updated_at = $now, finished_at = $now
        {Leased}
        """,
        "$now", "$id", "$owner", "$error_type", "$error_message");

    protected override bool Run(WriteContext context)
    {
        var command = outcome switch
        {
            RunOutcome.Succeeded => context.Statements.Native(MarkSucceeded),
            RunOutcome.RetryScheduled retry => context.Statements.Native(MarkRetrying)
                .Bind(3, retry.NextAttempt)
                .Bind(4, UnixTime.ToStored(retry.DueAt))
                .Bind(5, retry.Error.Type)
                .Bind(6, retry.Error.Message),
            RunOutcome.Failed failed => context.Statements.Native(MarkFailed)
                .Bind(3, failed.Error.Type)
                .Bind(4, failed.Error.Message),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown run outcome."),
        };

        return command.Bind(0, at is { } time ? UnixTime.ToStored(time) : context.NowStored).Bind(1, runId).Bind(2, owner).ExecuteNonQuery() == 1;
    }
}
