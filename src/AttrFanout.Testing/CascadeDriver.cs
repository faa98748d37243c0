using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing;

/// <summary>
/// Drives a session's cascade to its end. The cascade is idle when every run of every event seen has ended, every run
/// that failed for good has had its failure event accepted, and no event was seen while the runs were read: a run sends
/// its events before it ends, so a run read as ended has no send still to come.
/// </summary>
internal sealed class CascadeDriver(FanoutSession session, IFunctionRuns runs, FakeTimeProvider time, RunDriverOptions options)
{
    private static readonly TimeSpan ProgressPoll = TimeSpan.FromMilliseconds(5);
    private readonly RetryStepper _retries = new(time);
    private readonly Dictionary<string, FunctionRun> _ended = new(StringComparer.Ordinal);

    public async Task<CascadeReport> DriveAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var realClock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (events, nextEvent) = session.Snapshot();
            var current = await ReadRunsAsync(events, cancellationToken).ConfigureAwait(false);
            if (events.Length > options.MaxCascadeEvents)
            {
                throw CascadeLimitExceededException.For(events, current, options.MaxCascadeEvents);
            }

            var unfinished = current.Values.Where(static r => !RunStates.IsFinal(r)).ToList();
            var failuresAwaited = FailuresAwaited(events, current.Values);
            if (unfinished.Count == 0 && failuresAwaited.Count == 0 && !nextEvent.IsCompleted)
            {
                return new CascadeReport(events, current);
            }

            if (time.GetUtcNow() - startedAt > options.MaxSimulatedTime || realClock.Elapsed > options.MaxRealTime)
            {
                throw Timeout(unfinished, failuresAwaited);
            }

            _retries.StepOver(unfinished);
            await Task.WhenAny(nextEvent, Task.Delay(ProgressPoll, TimeProvider.System, cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, FunctionRun>> ReadRunsAsync(ObservedEvent[] events, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, FunctionRun>(StringComparer.Ordinal);
        foreach (var runId in events.SelectMany(static e => e.RunIds))
        {
            if (current.ContainsKey(runId))
            {
                continue;
            }

            if (!_ended.TryGetValue(runId, out var run))
            {
                run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException(
                        $"The store does not know run '{runId}'. A session reads every run of the cascade from the store, so it needs one that keeps succeeded runs: in-memory or SQLite.");
                if (RunStates.IsFinal(run))
                {
                    _ended[runId] = run;
                }
            }

            current[runId] = run;
        }

        return current;
    }

    private static List<FunctionRun> FailuresAwaited(ObservedEvent[] events, IEnumerable<FunctionRun> current)
    {
        var reported = events
            .Where(static e => string.Equals(e.EventName, FunctionFailed.Name, StringComparison.Ordinal) && e.SentByRunId is not null)
            .Select(static e => e.SentByRunId!)
            .ToHashSet(StringComparer.Ordinal);
        return current.Where(r => RunStates.SendsFailureEvent(r) && !reported.Contains(r.RunId)).ToList();
    }

    private TimeoutException Timeout(List<FunctionRun> unfinished, List<FunctionRun> failuresAwaited)
    {
        var waiting = unfinished.Select(RunStates.Describe)
            .Concat(failuresAwaited.Select(static r => $"the {FunctionFailed.Name} event of {r.FunctionId} (run {r.RunId})"));
        return new TimeoutException(
            $"The cascade did not end within {options.MaxSimulatedTime} of simulated time and {options.MaxRealTime} of real time; still waiting for: " +
            string.Join(", ", waiting));
    }
}
