using AttrFanout.Nats.Connection;
using AttrFanout.Nats.Store;
using AttrFanout.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Health;

/// <summary>
/// Healthy when the store's connection is open, the server answers a ping, JetStream answers, and both streams are
/// there; connects on first check. Descriptions name the servers without credentials and say what to do.
/// </summary>
internal sealed class NatsJetStreamHealthCheck(IFanoutStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is not NatsJetStreamStore nats)
        {
            return HealthCheckResult.Unhealthy("AttrFanout does not use NATS JetStream: call o.UseNatsJetStream() in AddAttrFanout.");
        }

        var options = nats.Options;
        var servers = NatsConnections.Servers(options);
        JetStreamSession session;
        try
        {
            session = await nats.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"NATS JetStream is unreachable or not ready: {NatsConnections.Redact(error.Message, options)}");
        }

        var state = session.Connection.ConnectionState;
        if (state != NatsConnectionState.Open)
        {
            return NotConnected(servers, state);
        }

        try
        {
            var roundTrip = await session.Connection.PingAsync(cancellationToken).ConfigureAwait(false);
            var missing = new List<string>();
            foreach (var stream in new[] { options.StreamName, options.DeadLetterStreamName })
            {
                try
                {
                    await session.Js.GetStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (NatsJSApiException error) when (error.Error.Code == 404)
                {
                    missing.Add(stream);
                }
            }

            if (missing.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"JetStream stream(s) '{string.Join("', '", missing)}' are missing on {servers} (deleted after this app provisioned them): events sent now are not kept. Restart the app to provision them again.");
            }

            return HealthCheckResult.Healthy($"Connected to {servers} (round trip {roundTrip.TotalMilliseconds:0.#} ms); JetStream streams '{options.StreamName}' and '{options.DeadLetterStreamName}' are present.");
        }
        catch (NatsJSApiNoResponseException)
        {
            return HealthCheckResult.Unhealthy($"The NATS server at {servers} does not answer JetStream requests: start it with JetStream enabled (nats-server -js), and check that this app's account has JetStream.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return session.Connection.ConnectionState is var now and not NatsConnectionState.Open
                ? NotConnected(servers, now)
                : HealthCheckResult.Unhealthy($"NATS JetStream at {servers} is not ready: {NatsConnections.Redact(error.Message, options)}");
        }
    }

    private static HealthCheckResult NotConnected(string servers, NatsConnectionState state) =>
        HealthCheckResult.Unhealthy($"Not connected to the NATS server at {servers} (the connection is {state}); the client reconnects by itself, and runs wait meanwhile. Check that the server runs and is reachable from this host.");
}
