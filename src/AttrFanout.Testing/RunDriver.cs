using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing;

/// <summary>
/// Drives one set of runs to their end: while a run waits for a retry, the fake clock jumps to when it is due; otherwise the
/// driver waits for a run to finish or change.
/// </summary>
internal sealed class RunDriver(IFunctionRuns runs, FakeTimeProvider time, RunDriverOptions options)
{
    private static readonly TimeSpan ProgressPoll = TimeSpan.FromMilliseconds(5);
    private const int PollsBeforeOverdueIsStuck = 40;
    private readonly Dictionary<string, (DateTimeOffset UpdatedAt, int Polls)> _overdue = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<FunctionRun>> DriveAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var realClock = Stopwatch.StartNew();
        var completions = runIds.Select(id => runs.WaitForCompletionAsync(id, cancellationToken)).ToArray();
        while (true)
        {
            var current = await SnapshotAsync(runIds, cancellationToken).ConfigureAwait(false);
            if (current.All(IsFinal))
            {
                return current;
            }

            if (time.GetUtcNow() - startedAt > options.MaxSimulatedTime || realClock.Elapsed > options.MaxRealTime)
            {
                throw new TimeoutException(
                    $"Runs did not end within {options.MaxSimulatedTime} of simulated time and {options.MaxRealTime} of real time: " +
                    string.Join(", ", current.Where(r => !IsFinal(r)).Select(static r => $"{r.FunctionId} ({r.Status}, {r.Attempts} attempts)")));
            }

            if (NextRetryStep(current) is { } step)
            {
                time.Advance(step);
            }

            await Task.WhenAny(Task.WhenAny(completions), Task.Delay(ProgressPoll, TimeProvider.System, cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task<FunctionRun[]> SnapshotAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        var snapshot = new FunctionRun[runIds.Count];
        for (var i = 0; i < runIds.Count; i++)
        {
            snapshot[i] = await runs.GetAsync(runIds[i], cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The store does not know run '{runIds[i]}'.");
        }

        return snapshot;
    }

    /// <summary>
    /// How far to move the clock for the earliest waiting retry: up to its due time. A retry already due whose run has
    /// not changed for many polls started its delay after the clock moved (the clock moved between the report and the
    /// start of the delay), so the clock moves by the delay once more.
    /// </summary>
    private TimeSpan? NextRetryStep(IEnumerable<FunctionRun> current)
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

    private static bool IsFinal(FunctionRun run) => run.Status is RunStatus.Succeeded or RunStatus.Failed;
}
