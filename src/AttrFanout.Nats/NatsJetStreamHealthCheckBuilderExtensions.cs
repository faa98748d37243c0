using AttrFanout.Nats.Health;
using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AttrFanout;

/// <summary>Health checks of AttrFanout on NATS JetStream.</summary>
public static class NatsJetStreamHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds the NATS store's check alone: the connection is open, the server answers, JetStream answers and both streams
    /// are present. <c>AddHealthChecks().AddAttrFanout()</c> adds the same check (as <c>attrfanout-store</c>) with the engine's.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddAttrFanoutNatsJetStream(this IHealthChecksBuilder builder, string name = "attrfanout-nats", params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new NatsJetStreamHealthCheck(sp.GetRequiredService<IFanoutStore>()),
            HealthStatus.Unhealthy,
            tags));
    }
}
