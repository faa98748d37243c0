using AttrFanout.Nats.Connection;
using AttrFanout.Nats.Store;
using AttrFanout.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;

namespace AttrFanout.Nats.Health;

/// <summary>Healthy when the store's connection is open and the server answers a ping; connects on first check.</summary>
internal sealed class NatsJetStreamHealthCheck(IFanoutStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is not NatsJetStreamStore nats)
        {
            return HealthCheckResult.Unhealthy("AttrFanout does not use NATS JetStream: call o.UseNatsJetStream(url) in AddAttrFanout.");
        }

        try
        {
            var session = await nats.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (session.Connection.ConnectionState != NatsConnectionState.Open)
            {
                return HealthCheckResult.Unhealthy($"The connection to {NatsConnections.Servers(session.Options)} is {session.Connection.ConnectionState}.");
            }

            var roundTrip = await session.Connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Connected to {NatsConnections.Servers(session.Options)} (round trip {roundTrip.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"NATS JetStream is unreachable or not ready: {NatsConnections.Redact(error.Message, nats.Options)}");
        }
    }
}
