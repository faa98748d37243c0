using AttrFanout.Engine;
using AttrFanout.Stores;

namespace AttrFanout.Runs;

/// <summary>The store's runs, as <see cref="IFunctionRuns"/> shows them.</summary>
internal sealed class FunctionRuns(IFanoutStore store, RunCompletions completions, TimeProvider time, FanoutEngine engine) : IFunctionRuns
{
    public ValueTask<FunctionRun?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return store.GetRunAsync(runId, cancellationToken);
    }

    public Task<FunctionRun> WaitForCompletionAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return completions.WaitAsync(runId, cancellationToken);
    }

    public async ValueTask<FunctionRun?> CancelAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var run = await store.CancelRunAsync(runId, CancelReasons.ByRequest, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (run is { Status: RunStatus.Cancelled })
        {
            completions.Ended(run);
        }

        return run;
    }

    public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery? query = null, CancellationToken cancellationToken = default) =>
        store.ListFailedAsync(query ?? new FailedRunQuery(), cancellationToken);

    public async ValueTask<FunctionRun> ReplayAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        engine.Start();
        return await ReplayOneAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"No failed run has Id '{runId}', or it was already replayed. List the failed runs with ListFailedAsync.", nameof(runId));
    }

    public async ValueTask<IReadOnlyList<FunctionRun>> ReplayAsync(FailedRunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        engine.Start();
        var failed = await store.ListFailedAsync(query, cancellationToken).ConfigureAwait(false);
        var replays = new List<FunctionRun>(failed.Count);
        foreach (var run in failed)
        {
            if (await ReplayOneAsync(run.RunId, cancellationToken).ConfigureAwait(false) is { } replay)
            {
                replays.Add(replay);
            }
        }

        return replays;
    }

    /// <summary>Replays one failed run under a new Id, expected before the store can start it so waiting on it needs no read.</summary>
    private async ValueTask<FunctionRun?> ReplayOneAsync(string runId, CancellationToken cancellationToken)
    {
        string[] replayId = [EventIds.New()];
        completions.Expect(replayId);
        try
        {
            var replay = await store.ReplayAsync(runId, replayId[0], time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (replay is null || replay.RunId != replayId[0])
            {
                completions.Forget(replayId);
            }

            return replay;
        }
        catch
        {
            completions.Forget(replayId);
            throw;
        }
    }
}
