using System.Diagnostics.CodeAnalysis;

namespace AttrFanout;

/// <summary>Looks up runs, lists failed runs (dead letters) and replays them.</summary>
public interface IFunctionRuns
{
    /// <summary>Gets a run by Id.</summary>
    /// <param name="runId">The run's Id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The run, or <see langword="null"/> when the store does not know it (any more).</returns>
    ValueTask<FunctionRun?> GetAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Waits until a run has ended: succeeded, failed for good, skipped or cancelled.</summary>
    /// <remarks>
    /// Completes at once for a run that had already ended, and otherwise when this process's engine records the run's
    /// end; an end recorded by another process sharing the store is not observed, so pass a
    /// <paramref name="cancellationToken"/> when other processes may execute the run.
    /// </remarks>
    /// <param name="runId">The run's Id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The finished run.</returns>
    /// <exception cref="ArgumentException">The store does not know the run.</exception>
    Task<FunctionRun> WaitForCompletionAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a run: one waiting (pending, deferred, waiting for a retry) ends <see cref="RunStatus.Cancelled"/> at once
    /// and never executes; an executing one has its attempt's token fired, by whichever process executes it, and ends
    /// Cancelled (not a retry, no failure event). A run that already ended is left as it is. The reason kept is
    /// <c>cancelled by request</c>.
    /// </summary>
    /// <param name="runId">The run's Id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run as it stands after the request (still running while its attempt stops), or <see langword="null"/> when the store does not know it.</returns>
    /// <exception cref="NotSupportedException">The store cannot cancel runs.</exception>
    ValueTask<FunctionRun?> CancelAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Lists failed runs, oldest failure first.</summary>
    /// <param name="query">Filters by function, event and failure time.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Replays a failed run: a new run of the same function for the same event, with a fresh attempt count.</summary>
    /// <param name="runId">The failed run's Id.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The new run.</returns>
    /// <exception cref="ArgumentException">No failed run has that Id.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type; only the token is optional.")]
    ValueTask<FunctionRun> ReplayAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Replays every failed run matching <paramref name="query"/>.</summary>
    /// <param name="query">Which failed runs to replay.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The new runs.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type; only the token is optional.")]
    ValueTask<IReadOnlyList<FunctionRun>> ReplayAsync(FailedRunQuery query, CancellationToken cancellationToken = default);
}
