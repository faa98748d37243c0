using AttrFanout.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AttrFanout.Health;

/// <summary>
/// The engine's health: started and not stopping, every function's worker alive, and its store reachable (the store's
/// own check, when the store has one, says why not).
/// </summary>
internal sealed class EngineHealthCheck(FanoutEngine engine, StoreHealthCheck store, string storeEntry) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!engine.IsRunning)
        {
            return engine.WasStarted
                ? HealthCheckResult.Unhealthy("The AttrFanout engine is stopping or stopped: no run starts in this process. It stops with the host; restart the app.")
                : HealthCheckResult.Unhealthy("The AttrFanout engine has not started: it starts with the host (or, without a host, on the first send). Check that the host started.");
        }

        var (workers, ended) = engine.WorkerHealth;
        if (ended > 0)
        {
            return HealthCheckResult.Unhealthy($"{ended} of {workers} function worker(s) of the AttrFanout engine ended: their functions' runs no longer execute in this process. The log (category 'AttrFanout') says why; restart the app.");
        }

        var storeResult = await store.CheckHealthAsync(context, cancellationToken).ConfigureAwait(false);
        return storeResult.Status == HealthStatus.Healthy
            ? HealthCheckResult.Healthy($"The AttrFanout engine runs {workers} function worker(s); its store is reachable.")
            : HealthCheckResult.Degraded($"The AttrFanout engine runs {workers} function worker(s), but its store is {storeResult.Status.ToString().ToLowerInvariant()}: runs wait until it is reachable (see '{storeEntry}'): {storeResult.Description}");
    }
}
