using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing;

/// <summary>
/// Drives one set of runs to their end: while a run waits for a retry, the fake clock jumps to when it is due; otherwise the
/// driver waits for a run to finish or change. It follows no event the runs send; <see cref="FanoutSession"/> does.
/// </summary>
internal sealed class RunDriver(IFunctionRuns runs, FakeTimeProvider time, RunDriverOptions options)
{
    private static readonly TimeSpan ProgressPoll = TimeSpan.FromMilliseconds(5);
    private readonly RetryStepper _retries = new(time);

    public async Task<IReadOnlyList<FunctionRun>> DriveAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var realClock = Stopwatch.StartNew();
        var completions = runIds.Select(id => runs.WaitForCompletionAsync(id, cancellationToken)).ToArray();
        while (true)
        {
            var current = await SnapshotAsync(runIds, cancellationToken).ConfigureAwait(false);
            if (current.All(RunStates.IsFinal))
            {
                return current;
            }

            if (time.GetUtcNow() - startedAt > options.MaxSimulatedTime || realClock.Elapsed > options.MaxRealTime)
            {
                throw new TimeoutException(
                    $"Runs did not end within {options.MaxSimulatedTime} of simulated time and {options.MaxRealTime} of real time: " +
                    string.Join(", ", current.Where(r => !RunStates.IsFinal(r)).Select(RunStates.Describe)));
            }

            _retries.StepOver(current);
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
}
