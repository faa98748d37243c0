using AttrFanout.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AttrFanout.Health;

/// <summary>The store's health: the check its package supplies (<see cref="AttrFanoutOptions.UseStore(Func{IServiceProvider, IFanoutStore}, Func{IServiceProvider, IHealthCheck})"/>), or healthy for a store without one.</summary>
internal sealed class StoreHealthCheck(IFanoutStore store, IHealthCheck? check) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (check is null)
        {
            return HealthCheckResult.Healthy(store.IsDurable
                ? "The store has no health check of its own."
                : "Runs are kept in memory (they do not survive a restart).");
        }

        try
        {
            return await check.CheckHealthAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not the exception: a store's errors may carry what the store was given, and health output is shown to anyone.
            return HealthCheckResult.Unhealthy($"The store's health check failed ({error.GetType().Name}).");
        }
    }
}
