using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Provisioning;

/// <summary>
/// Finds, at start, the consumers this app made for functions it no longer declares (removed or renamed), or for a
/// trigger a function no longer has: the stream keeps every later event of their subject for them. Each is named in a warning with the command that removes it, or
/// deleted when <see cref="NatsJetStreamOptions.DeleteOrphanedConsumers"/> is set. Consumers of other apps sharing the
/// stream are theirs, not orphans; a consumer that names no app (made before apps were recorded) is reported, never deleted.
/// </summary>
internal sealed class OrphanedConsumers(INatsJSContext js, NatsJetStreamOptions options, string app, ILogger logger)
{
    public async ValueTask HandleAsync(IReadOnlyCollection<string> functionIds, IReadOnlyCollection<string> triggerConsumers, CancellationToken cancellationToken)
    {
        var declared = functionIds.ToHashSet(StringComparer.Ordinal);
        var declaredTriggers = triggerConsumers.ToHashSet(StringComparer.Ordinal);
        var stream = options.StreamName;
        var found = new List<(string Name, string FunctionId, string? Owner, ulong Pending)>();
        await foreach (var consumer in js.ListConsumersAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            var info = consumer.Info;
            if (ConsumerOwners.FunctionOf(info.Name) is { } functionId &&
                (!declared.Contains(functionId) || (ConsumerOwners.IsTriggerConsumer(info.Name) && !declaredTriggers.Contains(info.Name))))
            {
                found.Add((info.Name, functionId, ConsumerOwners.AppOf(info.Config.Description), info.NumPending + (ulong)info.NumAckPending));
            }
        }

        foreach (var (name, functionId, owner, pending) in found)
        {
            if (owner is not null && owner != app)
            {
                continue;
            }

            if (owner is null)
            {
                Log.UnownedConsumer(logger, name, stream, functionId, pending);
            }
            else if (options.DeleteOrphanedConsumers)
            {
                await js.DeleteConsumerAsync(stream, name, cancellationToken).ConfigureAwait(false);
                Log.OrphanedConsumerDeleted(logger, name, stream, functionId, pending);
            }
            else
            {
                Log.OrphanedConsumer(logger, name, stream, functionId, app, pending);
            }
        }
    }
}
