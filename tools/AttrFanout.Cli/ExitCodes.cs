namespace AttrFanout.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Not found, refused, unreachable or failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage: an unknown command or option, a missing or malformed value, a command the target cannot do.</summary>
    public const int Usage = 2;
}
