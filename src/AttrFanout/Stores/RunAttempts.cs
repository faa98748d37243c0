namespace AttrFanout.Stores;

/// <summary>What every store shares about keeping the attempts of a run.</summary>
public static class RunAttempts
{
    /// <summary>How many of a run's latest attempts a store keeps by default; older ones are counted in <see cref="FunctionRun.AttemptsNotKept"/>.</summary>
    public const int DefaultLimit = 20;

    /// <summary>
    /// The attempt <paramref name="outcome"/> ends, or <see langword="null"/> when it ends none (a run skipped or deferred by
    /// flow control, one handed back at shutdown before it started, one cancelled while it waited).
    /// </summary>
    /// <param name="outcome">The outcome the engine reported.</param>
    public static RunAttempt? Of(in RunOutcome outcome)
    {
        if (outcome.StartedAt is not { } startedAt || outcome.AttemptOutcome is not { } ended)
        {
            return null;
        }

        var number = outcome.Kind == RunOutcomeKind.Released ? outcome.Attempts + 1 : outcome.Attempts;
        return new RunAttempt(number, startedAt, outcome.At, ended)
        {
            ErrorType = outcome.ErrorType,
            ErrorMessage = outcome.ErrorMessage,
            StackTrace = outcome.StackTrace,
        };
    }

    /// <summary>
    /// How many attempts of <paramref name="finished"/> are missing from <paramref name="kept"/>: let go by a bound, or never
    /// recorded (a process that crashed during one, a store that did not keep them).
    /// </summary>
    /// <param name="finished">The attempts the run finished (<see cref="FunctionRun.Attempts"/>).</param>
    /// <param name="kept">The attempts kept.</param>
    public static int NotKept(int finished, IReadOnlyList<RunAttempt> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var counted = 0;
        foreach (var attempt in kept)
        {
            if (attempt.Outcome != RunAttemptOutcome.Interrupted)
            {
                counted++;
            }
        }

        return Math.Max(0, finished - counted);
    }
}
