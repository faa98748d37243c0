namespace AttrFanout.Cli;

/// <summary>An error the tool reports in one line and ends with its exit code.</summary>
internal class CliException(string message, int exitCode) : Exception(message)
{
    /// <summary>Gets the exit code the tool ends with.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>Bad usage (exit code 2).</summary>
    public static CliException Usage(string message) => new(message, ExitCodes.Usage);

    /// <summary>Not found or failed (exit code 1).</summary>
    public static CliException Failed(string message) => new(message, ExitCodes.Failed);
}
