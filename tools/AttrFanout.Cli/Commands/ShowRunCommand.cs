using AttrFanout.Cli.Output;

namespace AttrFanout.Cli.Commands;

/// <summary><c>attrfanout runs show &lt;runId&gt;</c>: one run, with its error.</summary>
internal static class ShowRunCommand
{
    public static async Task<int> RunAsync(Invocation call)
    {
        var runId = call.Operand(2, "run Id: attrfanout runs show <runId>");
        call.NoMoreThan(3);
        var run = await call.Target.GetRunAsync(runId, call.Token).ConfigureAwait(false) ?? throw NotFound(call, runId);
        call.Printer.Write(run, CliJsonContext.Default.FunctionRun, writer => Write(writer, run));
        return ExitCodes.Ok;
    }

    public static CliException NotFound(Invocation call, string runId) =>
        CliException.Failed($"No run '{runId}' in {call.Target.Name}. List the runs with 'attrfanout runs' (a succeeded run may be gone: some stores do not keep them).");

    private static void Write(TextWriter writer, FunctionRun run)
    {
        var table = new Table("", "");
        table.Add("Run", run.RunId);
        table.Add("Function", run.FunctionId);
        table.Add("Event", $"{run.EventName} (Id {run.EventId})");
        table.Add("Status", Show.Status(run.Status));
        table.Add("Attempts", run.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " finished");
        table.Add("Created", Show.Time(run.CreatedAt) + " UTC");
        table.Add("Updated", Show.Time(run.UpdatedAt) + " UTC");
        if (run.NextAttemptAt is { } next)
        {
            table.Add("Next attempt", Show.Time(next) + " UTC");
        }

        if (run.FailedAt is { } failed)
        {
            table.Add("Failed at", Show.Time(failed) + " UTC");
        }

        if (run.Reason is { } reason)
        {
            table.Add("Reason", reason);
        }

        if (run.ReplayOf is { } replayOf)
        {
            table.Add("Replay of", replayOf);
        }

        if (run.ReplayedBy is { } replayedBy)
        {
            table.Add("Replayed by", replayedBy);
        }

        if (run.ErrorType is not null)
        {
            table.Add("Error type", run.ErrorType);
            table.Add("Error", run.ErrorMessage?.ReplaceLineEndings(" "));
            if (!run.AttemptHistory.Any(static attempt => attempt.StackTrace is not null))
            {
                table.Add("Stack trace", "not kept by the store; the app's log has each failed attempt with this run Id");
            }
        }

        table.WriteTo(writer);
        WriteAttempts(writer, run);
    }

    /// <summary>The attempts the store kept, oldest first, each with its error and stack trace; and how many it did not keep.</summary>
    private static void WriteAttempts(TextWriter writer, FunctionRun run)
    {
        if (run.AttemptHistory.Count == 0 && run.AttemptsNotKept == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Attempts:");
        if (run.AttemptsNotKept > 0)
        {
            writer.WriteLine($"  ({run.AttemptsNotKept.ToString(System.Globalization.CultureInfo.InvariantCulture)} not kept by the store)");
        }

        foreach (var attempt in run.AttemptHistory)
        {
            var number = attempt.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var duration = attempt.Duration.TotalMilliseconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            var error = attempt.ErrorType is null ? "" : $"  {attempt.ErrorType}: {attempt.ErrorMessage?.ReplaceLineEndings(" ")}";
            writer.WriteLine($"  #{number}  {Show.Time(attempt.StartedAt)} UTC  {duration} ms  {attempt.Outcome}{error}");
            if (attempt.StackTrace is { } stackTrace)
            {
                foreach (var line in stackTrace.ReplaceLineEndings("\n").Split('\n'))
                {
                    writer.WriteLine($"      {line.TrimStart()}");
                }
            }
        }
    }
}
