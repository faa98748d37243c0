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
            table.Add("Stack trace", "not kept by the store; the app's log has each failed attempt with this run Id");
        }

        table.WriteTo(writer);
    }
}
