using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing;

/// <summary>
/// Decides how far to move the fake clock so the earliest waiting retry becomes due. The clock stays put while an attempt
/// executes, so its own timeout and delays see no time it did not wait. A retry already due whose run has not changed
/// for many polls started its delay after the clock moved (between the report and the start of the delay), so the clock
/// moves by the delay once more.
/// </summary>
internal sealed class RetryStepper(FakeTimeProvider time)
{
    private const int PollsBeforeOverdueIsStuck = 40;
    private readonly Dictionary<string, (DateTimeOffset UpdatedAt, int Polls)> _overdue = new(StringComparer.Ordinal);

    /// <summary>Advances the clock to the next due retry among <paramref name="current"/>, if one waits.</summary>
    public void StepOver(IReadOnlyCollection<FunctionRun> current)
    {
        if (!current.Any(static r => r.Status == RunStatus.Running) && NextStep(current) is { } step)
        {
            time.Advance(step);
        }
    }

    private TimeSpan? NextStep(IEnumerable<FunctionRun> current)
    {
        var now = time.GetUtcNow();
        TimeSpan? step = null;
        foreach (var run in current)
        {
            if (run.Status != RunStatus.RetryScheduled || run.NextAttemptAt is not { } dueAt)
            {
                _overdue.Remove(run.RunId);
                continue;
            }

            var candidate = dueAt > now ? dueAt - now : StuckDelay(run, dueAt);
            if (candidate > TimeSpan.Zero && (step is null || candidate < step))
            {
                step = candidate;
            }
        }

        return step;
    }

    private TimeSpan StuckDelay(FunctionRun run, DateTimeOffset dueAt)
    {
        var polls = _overdue.TryGetValue(run.RunId, out var seen) && seen.UpdatedAt == run.UpdatedAt ? seen.Polls + 1 : 1;
        if (polls < PollsBeforeOverdueIsStuck)
        {
            _overdue[run.RunId] = (run.UpdatedAt, polls);
            return TimeSpan.Zero;
        }

        _overdue.Remove(run.RunId);
        return dueAt - run.UpdatedAt;
    }
}
