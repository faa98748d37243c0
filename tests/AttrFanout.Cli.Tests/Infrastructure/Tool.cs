using System.Text.Json;

namespace AttrFanout.Cli.Tests.Infrastructure;

/// <summary>Runs the attrfanout tool's entry point in-process, with its output captured and its environment given.</summary>
internal static class Tool
{
    public static Task<ToolResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<ToolResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, name => environment.GetValueOrDefault(name)), bound.Token);
        return new ToolResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>What one run of the tool printed, and its exit code.</summary>
internal sealed record ToolResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json() => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}
