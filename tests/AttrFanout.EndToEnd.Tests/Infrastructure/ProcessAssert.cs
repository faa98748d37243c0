namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>Assertions on a finished process whose messages carry the whole captured output.</summary>
internal static class ProcessAssert
{
    public static void Succeeded(ProcessResult result) =>
        Assert.True(result.Succeeded, $"Expected success.{Environment.NewLine}{result}");

    public static void Failed(ProcessResult result) =>
        Assert.True(!result.TimedOut && result.ExitCode != 0, $"Expected a failure exit code.{Environment.NewLine}{result}");

    public static void OutputContains(ProcessResult result, string expected) =>
        Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), $"Expected the output to contain \"{expected}\".{Environment.NewLine}{result}");
}
