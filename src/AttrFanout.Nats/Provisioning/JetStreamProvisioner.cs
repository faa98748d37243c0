using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Provisioning;

/// <summary>Creates or updates the streams and consumers at start; running it again with the same settings changes nothing.</summary>
internal sealed class JetStreamProvisioner(INatsJSContext js, JetStreamTopology topology)
{
    public async ValueTask EnsureStreamsAsync(CancellationToken cancellationToken)
    {
        await js.CreateOrUpdateStreamAsync(topology.EventStream(), cancellationToken).ConfigureAwait(false);
        await js.CreateOrUpdateStreamAsync(topology.DeadLetterStream(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that the streams exist, changing nothing; a missing one fails with what to do.</summary>
    public async ValueTask RequireStreamsAsync(CancellationToken cancellationToken)
    {
        foreach (var stream in new[] { topology.EventStreamName, topology.DeadLetterStreamName })
        {
            try
            {
                await js.GetStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (NatsJSApiException e) when (e.Error.Code == 404)
            {
                throw new AttrFanoutConfigurationException(
                    $"The server has no stream '{stream}'. Start the app once (it creates its streams), or name the app's stream and subject prefix.");
            }
        }
    }

    public async ValueTask EnsureFunctionAsync(FunctionSubscription function, CancellationToken cancellationToken)
    {
        foreach (var consumer in topology.TriggerConsumers(function))
        {
            await EnsureConsumerAsync(consumer, cancellationToken).ConfigureAwait(false);
        }

        await EnsureConsumerAsync(topology.ReplayConsumer(function), cancellationToken).ConfigureAwait(false);
    }

    public ValueTask EnsureIntakeAsync(CancellationToken cancellationToken) =>
        EnsureConsumerAsync(topology.IntakeConsumer(), cancellationToken);

    /// <summary>
    /// Creates the consumer, updates it when a setting changed, and recreates it when its subject changed (which a server
    /// cannot update). A function's consumer that another app owns is never taken over: two apps never share a function's
    /// runs (see <see cref="FunctionIdTaken"/>); one that names no app (an older build's) is claimed by this app.
    /// </summary>
    private async ValueTask EnsureConsumerAsync(ConsumerConfig config, CancellationToken cancellationToken)
    {
        var name = config.Name!;
        var stream = topology.EventStreamName;
        try
        {
            var existing = await js.GetConsumerAsync(stream, name, cancellationToken).ConfigureAwait(false);
            if (ConsumerOwners.FunctionOf(name) is { } functionId
                && ConsumerOwners.AppOf(existing.Info.Config.Description) is { } owner
                && owner != topology.App)
            {
                throw FunctionIdTaken.Error(functionId, topology.App, owner, stream, name);
            }

            if (existing.Info.Config.FilterSubject != config.FilterSubject)
            {
                await js.DeleteConsumerAsync(stream, name, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
        }

        await js.CreateOrUpdateConsumerAsync(stream, config, cancellationToken).ConfigureAwait(false);
    }
}
