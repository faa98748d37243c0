namespace AttrFanout;

/// <summary>One attempt of a run, as the store kept it: when it executed, how it ended and with which error.</summary>
/// <param name="Number">The attempt's number, from 1.</param>
/// <param name="StartedAt">When the attempt started.</param>
/// <param name="EndedAt">When the attempt ended.</param>
/// <param name="Outcome">How the attempt ended.</param>
public sealed record RunAttempt(int Number, DateTimeOffset StartedAt, DateTimeOffset EndedAt, RunAttemptOutcome Outcome)
{
    /// <summary>The most characters of a stack trace an attempt keeps; a longer one is cut and ends with <see cref="CutMark"/>.</summary>
    public const int MaxStackTraceLength = 8 * 1024;

    /// <summary>What ends a stack trace cut to <see cref="MaxStackTraceLength"/>.</summary>
    public const string CutMark = "\n   … (cut)";

    /// <summary>Gets how long the attempt executed.</summary>
    public TimeSpan Duration => EndedAt >= StartedAt ? EndedAt - StartedAt : TimeSpan.Zero;

    /// <summary>Gets the full name of the error's type, for an attempt that did not succeed.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Gets the error's message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets the error's stack trace, at most <see cref="MaxStackTraceLength"/> characters.</summary>
    public string? StackTrace { get; init; }

    /// <summary>Cuts <paramref name="stackTrace"/> to at most <paramref name="maxLength"/> characters, marking the cut.</summary>
    /// <param name="stackTrace">The stack trace, or <see langword="null"/>.</param>
    /// <param name="maxLength">The most characters to keep; the default is <see cref="MaxStackTraceLength"/>.</param>
    /// <returns>The stack trace, cut when longer.</returns>
    public static string? Bound(string? stackTrace, int maxLength = MaxStackTraceLength)
    {
        if (stackTrace is null || stackTrace.Length <= maxLength)
        {
            return stackTrace;
        }

        var keep = Math.Max(0, maxLength - CutMark.Length);
        if (keep > 0 && char.IsHighSurrogate(stackTrace[keep - 1]))
        {
            keep--;
        }

        return string.Concat(stackTrace.AsSpan(0, keep), CutMark);
    }
}
