using AttrFanout.Cli.Output;

namespace AttrFanout.Cli.Commands;

/// <summary><c>attrfanout functions</c>: the functions, their triggers, retries and run counts, as far as the target knows them.</summary>
internal static class FunctionsCommand
{
    public static async Task<int> RunAsync(Invocation call)
    {
        call.NoMoreThan(1);
        var listing = await call.Target.ListFunctionsAsync(call.Token).ConfigureAwait(false);
        call.Printer.Write(listing, CliJsonContext.Default.FunctionListing, writer =>
        {
            if (listing.Functions.Count == 0)
            {
                writer.WriteLine("No functions.");
                return;
            }

            var table = new Table("FUNCTION", "TRIGGERS", "RETRIES", "PENDING", "RUNNING", "RETRYING", "FAILED", "SUCCEEDED", "SKIPPED", "CANCELLED");
            foreach (var f in listing.Functions)
            {
                var c = f.Counts;
                table.Add(f.Id, string.Join(", ", f.Triggers), f.Retries ?? "?", Show.Count(c?.Pending), Show.Count(c?.Running), Show.Count(c?.RetryScheduled),
                    Show.Count(c?.Failed), Show.Count(c?.Succeeded), Show.Count(c?.Skipped), Show.Count(c?.Cancelled));
            }

            table.WriteTo(writer);
        });
        foreach (var note in listing.Notes)
        {
            call.Printer.Note("note: " + note);
        }

        return ExitCodes.Ok;
    }
}
