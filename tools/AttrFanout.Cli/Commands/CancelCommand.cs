using AttrFanout.Cli.Output;

namespace AttrFanout.Cli.Commands;

/// <summary><c>attrfanout cancel &lt;runId&gt;</c>: a waiting run ends cancelled at once; an executing one is asked to stop.</summary>
internal static class CancelCommand
{
    public static async Task<int> RunAsync(Invocation call)
    {
        var runId = call.Operand(1, "run Id: attrfanout cancel <runId>");
        call.NoMoreThan(2);
        var before = await call.Target.GetRunAsync(runId, call.Token).ConfigureAwait(false);
        if (before?.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Skipped or RunStatus.Cancelled)
        {
            throw CliException.Failed($"Run {runId} had already ended ({Show.Status(before!.Status)}): left as it is.");
        }

        var run = await call.Target.CancelAsync(runId, call.Token).ConfigureAwait(false) ?? throw ShowRunCommand.NotFound(call, runId);
        var (message, code) = run.Status switch
        {
            RunStatus.Cancelled when before is null => ($"Marked run {runId} cancelled: {call.Target.Name} could not show it (a run waiting in a transport), so whichever process delivers it next ends it cancelled.", ExitCodes.Ok),
            RunStatus.Cancelled => ($"Cancelled run {runId} ({run.FunctionId}).", ExitCodes.Ok),
            RunStatus.Running => ($"Run {runId} is executing: its attempt was asked to stop, and the run ends cancelled when it does.", ExitCodes.Ok),
            RunStatus.Pending or RunStatus.RetryScheduled => ($"Run {runId} is still {Show.Status(run.Status)}: the store did not cancel it.", ExitCodes.Failed),
            _ => ($"Run {runId} had already ended ({Show.Status(run.Status)}): left as it is.", ExitCodes.Failed),
        };
        if (code == ExitCodes.Ok || call.Printer.Json)
        {
            call.Printer.Write(run, CliJsonContext.Default.FunctionRun, writer => writer.WriteLine(message));
        }

        return code == ExitCodes.Ok ? code : throw CliException.Failed(message);
    }
}
