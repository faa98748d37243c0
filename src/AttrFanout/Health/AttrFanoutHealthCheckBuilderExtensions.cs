using AttrFanout.Engine;
using AttrFanout.Health;
using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AttrFanout;

/// <summary>Health checks of AttrFanout.</summary>
public static class AttrFanoutHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds two checks: <paramref name="name"/>, the engine (started, every function's worker alive, its store
    /// reachable), and <paramref name="name"/><c>-store</c>, the store (a SQLite file writable; NATS connected, with
    /// JetStream and the streams present). Unhealthy and degraded results say what is wrong and what to do, and never
    /// show a credential.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The engine check's name; the store check's name adds <c>-store</c>.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddAttrFanout(this IHealthChecksBuilder builder, string name = "attrfanout", params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var storeName = name + "-store";
        builder.Services.TryAddSingleton(static sp => new StoreHealthCheck(
            sp.GetRequiredService<IFanoutStore>(),
            sp.GetRequiredService<IOptions<AttrFanoutOptions>>().Value.StoreHealthFactory?.Invoke(sp)));
        return builder
            .Add(new HealthCheckRegistration(
                name,
                sp => new EngineHealthCheck(sp.GetRequiredService<FanoutEngine>(), sp.GetRequiredService<StoreHealthCheck>(), storeName),
                HealthStatus.Unhealthy,
                tags))
            .Add(new HealthCheckRegistration(
                storeName,
                static sp => sp.GetRequiredService<StoreHealthCheck>(),
                HealthStatus.Unhealthy,
                tags));
    }
}
