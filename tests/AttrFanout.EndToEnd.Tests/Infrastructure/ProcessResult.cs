namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished process did; its text is meant for assertion messages.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, bool TimedOut, TimeSpan Elapsed, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public override string ToString()
    {
        var outcome = TimedOut ? "timed out" : $"exited with {ExitCode}";
        return $"`{Command}` {outcome} after {Elapsed.TotalSeconds:0.0} s. Output:{Environment.NewLine}{Output}";
    }
}
