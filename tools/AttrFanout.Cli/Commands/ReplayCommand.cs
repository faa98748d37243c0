using AttrFanout.Cli.Output;
using AttrFanout.Cli.Parsing;

namespace AttrFanout.Cli.Commands;

/// <summary>
/// <c>attrfanout replay &lt;runId&gt;</c>: a failed run again, as a new run. <c>attrfanout replay --failed</c>: every failed
/// run the filters match, once <c>--yes</c> confirms (without it, the runs are listed and nothing changes).
/// </summary>
internal static class ReplayCommand
{
    private const int SetLimit = 10_000;

    public static async Task<int> RunAsync(Invocation call)
    {
        if (call.Arguments.Flag(OptionNames.Failed))
        {
            call.NoMoreThan(1);
            return await ReplaySetAsync(call).ConfigureAwait(false);
        }

        var runId = call.Operand(1, "run Id: attrfanout replay <runId>, or attrfanout replay --failed [--function F] [--event NAME] --yes");
        call.NoMoreThan(2);
        if (call.Arguments.Has(OptionNames.Function) || call.Arguments.Has(OptionNames.Event))
        {
            throw CliException.Usage("--function and --event filter a set: attrfanout replay --failed --function F --yes.");
        }

        if (await call.Target.ReplayAsync(runId, call.Token).ConfigureAwait(false) is { } replay)
        {
            call.Printer.Write(replay, CliJsonContext.Default.FunctionRun, writer =>
                writer.WriteLine($"Replayed run {runId} as run {replay.RunId} ({replay.FunctionId}, {Show.Status(replay.Status)})."));
            return ExitCodes.Ok;
        }

        var run = await call.Target.GetRunAsync(runId, call.Token).ConfigureAwait(false) ?? throw ShowRunCommand.NotFound(call, runId);
        throw CliException.Failed(run switch
        {
            { ReplayedBy: { } by } => $"Run {runId} was already replayed, as run {by}.",
            { Status: RunStatus.Failed } => $"Run {runId} is failed, but {call.Target.Name} cannot replay it: no app there runs function '{run.FunctionId}' any more.",
            _ => $"Run {runId} is {Show.Status(run.Status)}, not failed: only a failed run can be replayed.",
        });
    }

    private static async Task<int> ReplaySetAsync(Invocation call)
    {
        var query = RunFilters.Failed(call.Arguments, call.Arguments.Int(OptionNames.Limit, 1, SetLimit) ?? SetLimit);
        var filters = Describe(query);
        if (!call.Arguments.Flag(OptionNames.Yes))
        {
            var failed = await call.Target.ListFailedAsync(query, call.Token).ConfigureAwait(false);
            call.Printer.Write(failed, CliJsonContext.Default.IReadOnlyListFunctionRun, writer => RunsCommand.Write(writer, failed));
            if (failed.Count == 0)
            {
                call.Printer.Note($"note: no failed run{filters} waits for a replay.");
                return ExitCodes.Ok;
            }

            call.Printer.Note($"note: {failed.Count} failed run(s){filters} would be replayed. Nothing changed: add --yes to replay them.");
            return ExitCodes.Usage;
        }

        var result = await call.Target.ReplayAsync(query, call.Token).ConfigureAwait(false);
        call.Printer.Write(result, CliJsonContext.Default.ReplayResult, writer =>
        {
            writer.WriteLine($"Replayed {result.Count} failed run(s){filters}.");
            if (result.Replays.Count > 0)
            {
                RunsCommand.Write(writer, result.Replays);
            }
        });
        return ExitCodes.Ok;
    }

    private static string Describe(FailedRunQuery query) =>
        (query.FunctionId, query.EventName) switch
        {
            (null, null) => "",
            ({ } f, null) => $" of function {f}",
            (null, { } e) => $" of event {e}",
            ({ } f, { } e) => $" of function {f} and event {e}",
        };
}
