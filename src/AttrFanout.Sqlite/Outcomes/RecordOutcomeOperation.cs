using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Outcomes;

/// <summary>
/// Records an outcome for a run the owner still holds, with the attempt it ends when there is one (in the same
/// transaction); false when its lease was lost (expired and taken, or released).
/// </summary>
internal sealed class RecordOutcomeOperation(string runId, string owner, RunOutcome outcome, DateTimeOffset? at = null, RunAttempt? attempt = null) : WriteOperation<bool>
{
    private const string Leased = "WHERE id = $id AND status = 1 AND lease_owner = $owner";

    private static readonly Statement MarkSucceeded = new(
        $"UPDATE runs SET status = 2, lease_owner = NULL, lease_until = NULL, updated_at = $now, finished_at = $now, attempt_started_at = $started {Leased}",
        "$now", "$id", "$owner", "$started");

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

    private static readonly Statement MarkDeferred = new(
        $"""
        UPDATE runs SET status = 0, attempt_leases = MAX(attempt_leases - 1, 0), due_at = $due, lease_owner = NULL, lease_until = NULL, updated_at = $now
        {Leased}
        """,
        "$now", "$id", "$owner", "$due");

    private static readonly Statement MarkEnded = new(
        $"""
        UPDATE runs SET status = $status, attempt = $attempts, reason = $reason, lease_owner = NULL, lease_until = NULL, updated_at = $now, finished_at = $now
        {Leased}
        """,
        "$now", "$id", "$owner", "$status", "$attempts", "$reason");

    private static readonly Statement ForgetCancelRequest = new("DELETE FROM cancel_requests WHERE run_id = $id", "$id");

    protected override bool Run(WriteContext context)
    {
        var command = outcome switch
        {
            RunOutcome.Succeeded => attempt is null
                ? context.Statements.Native(MarkSucceeded).Bind(3, (string?)null)
                : context.Statements.Native(MarkSucceeded).Bind(3, Storage.UnixTime.ToStored(attempt.StartedAt)),
            RunOutcome.RetryScheduled retry => context.Statements.Native(MarkRetrying)
                .Bind(3, retry.NextAttempt)
                .Bind(4, UnixTime.ToStored(retry.DueAt))
                .Bind(5, retry.Error.Type)
                .Bind(6, retry.Error.Message),
            RunOutcome.Failed failed => context.Statements.Native(MarkFailed)
                .Bind(3, failed.Error.Type)
                .Bind(4, failed.Error.Message),
            RunOutcome.Deferred deferred => context.Statements.Native(MarkDeferred).Bind(3, UnixTime.ToStored(deferred.DueAt)),
            RunOutcome.Ended ended => context.Statements.Native(MarkEnded).Bind(3, (int)ended.Status).Bind(4, ended.Attempts).Bind(5, ended.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown run outcome."),
        };

        var recorded = command.Bind(0, at is { } time ? UnixTime.ToStored(time) : context.NowStored).Bind(1, runId).Bind(2, owner).ExecuteNonQuery() == 1;
        if (recorded && attempt is { Outcome: not RunAttemptOutcome.Succeeded })
        {
            Attempts.AttemptRows.Write(context, runId, attempt);
        }

        if (outcome is RunOutcome.Ended { Status: StoredRunStatus.Cancelled })
        {
            context.Statements.Native(ForgetCancelRequest).Bind(0, runId).ExecuteNonQuery();
        }
        else if (recorded && outcome is RunOutcome.Deferred or RunOutcome.RetryScheduled)
        {
            Flow.RequestedCancels.ApplyTo(context, runId);
        }

        return recorded;
    }
}
