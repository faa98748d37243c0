namespace AttrFanout.Cli;

/// <summary>The process's entry: the console, Ctrl+C as cancellation, and the exit code of <see cref="CliApp"/>.</summary>
internal static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        return await CliApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, Environment.GetEnvironmentVariable), interrupted.Token).ConfigureAwait(false);
    }
}
