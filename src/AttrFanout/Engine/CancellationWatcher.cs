using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Engine;

/// <summary>
/// Reads the store's cancellation requests from the engine's start to its stop and fires the token of the attempt this
/// process executes for a named run; a stream that fails is opened again after a pause. Requests for runs executing
/// elsewhere are ignored: their own engine fires them.
/// </summary>
internal sealed class CancellationWatcher(IFanoutStore store, RunTracker runs, TimeProvider time, ILogger logger, FailureThrottle failures)
{
    private const string Where = "store (watching cancellations)";

    /// <summary>Gets how long the watcher pauses before it opens a failed stream again.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    /// <summary>Gets whether the store can announce cancellations at all (its stream is not the empty default).</summary>
    public static bool IsSupportedBy(IFanoutStore store) => !ReferenceEquals(store.WatchCancellationsAsync(CancellationToken.None), NoCancellations.Instance);

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await foreach (var cancellation in store.WatchCancellationsAsync(stopping).ConfigureAwait(false))
                {
                    foreach (var run in runs.Find(cancellation.RunId))
                    {
                        run.RequestCancel(cancellation.Reason);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                Log.EngineFailure(logger, failures, Where, "(all)", error);
            }

            try
            {
                await Task.Delay(Pause, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
