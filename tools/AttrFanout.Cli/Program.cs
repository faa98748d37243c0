using AttrFanout.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

return await CliApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, Environment.GetEnvironmentVariable), interrupted.Token);
