using AttrFanout.Cli.Output;
using AttrFanout.Cli.Parsing;

namespace AttrFanout.Cli.Commands;

/// <summary><c>attrfanout runs</c>: runs, most recent first, filtered; <c>--all</c> follows every page.</summary>
internal static class RunsCommand
{
    private const int ErrorWidth = 60;

    public static async Task<int> RunAsync(Invocation call)
    {
        if (call.Arguments.Words.Count > 1 && call.Arguments.Words[1] == "show")
        {
            return await ShowRunCommand.RunAsync(call).ConfigureAwait(false);
        }

        call.NoMoreThan(1);
        var all = call.Arguments.Flag(OptionNames.All);
        if (all && call.Arguments.Has(OptionNames.Limit))
        {
            throw CliException.Usage("Give --all or --limit, not both.");
        }

        var limit = all ? int.MaxValue : call.Arguments.Int(OptionNames.Limit, 1, 1_000_000) ?? RunQuery.DefaultLimit;
        var query = RunFilters.Query(call.Arguments, Math.Min(limit, RunQuery.MaxLimit));
        var runs = new List<FunctionRun>();
        RunPage page;
        do
        {
            page = await call.Target.ListRunsAsync(query, call.Token).ConfigureAwait(false);
            runs.AddRange(page.Runs);
            query = query with { Cursor = page.NextCursor };
        }
        while (page.NextCursor is not null && runs.Count < limit);

        var more = runs.Count > limit || page.NextCursor is not null;
        var shown = new RunPage
        {
            Runs = runs.Count > limit ? runs[..limit] : runs,
            NextCursor = runs.Count > limit ? null : page.NextCursor,
            Incomplete = page.Incomplete,
        };
        call.Printer.Write(shown, CliJsonContext.Default.RunPage, writer => Write(writer, shown.Runs));
        foreach (var gap in shown.Incomplete)
        {
            call.Printer.Note("note: not listed: " + gap.Reason);
        }

        if (more)
        {
            call.Printer.Note($"note: more runs match; show them with --all or a larger --limit (now {limit}).");
        }

        return ExitCodes.Ok;
    }

    public static void Write(TextWriter writer, IReadOnlyList<FunctionRun> runs)
    {
        if (runs.Count == 0)
        {
            writer.WriteLine("No runs.");
            return;
        }

        var table = new Table("RUN", "FUNCTION", "EVENT", "STATUS", "ATTEMPTS", "CREATED (UTC)", "ERROR / REASON");
        foreach (var run in runs)
        {
            table.Add(run.RunId, run.FunctionId, run.EventName, Show.Status(run.Status), run.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), Show.Time(run.CreatedAt), Show.Error(run, ErrorWidth));
        }

        table.WriteTo(writer);
    }
}
