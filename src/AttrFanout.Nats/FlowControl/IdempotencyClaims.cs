using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// Idempotency by key across instances: before an event is published, each of its idempotent runs claims its function's
/// key in the flow bucket (created only if absent; a claim that ran out, or one left without a run by a send that died,
/// is replaced by compare-and-set). Once the event is in the stream the claim records the first run's Id; if the publish
/// fails the claim is removed. A send that finds the key taken names the first run's Id instead of creating a run.
/// </summary>
internal sealed class IdempotencyClaims(CompareAndSet entries)
{
    /// <summary>How long a send waits for another send's claim to name its run before it takes the claim over.</summary>
    public static readonly TimeSpan PendingClaimBound = TimeSpan.FromSeconds(10);

    private static readonly NatsRawSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;

    /// <summary>What a claim found: either the key is this send's now (at <see cref="Revision"/>), or <see cref="FirstRunId"/> took it.</summary>
    public readonly record struct Outcome(string Key, bool Claimed, ulong Revision, string? FirstRunId);

    public async ValueTask<Outcome> ClaimAsync(string functionId, string key, string eventId, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = FlowKeyNames.Claim(functionId, key);
        var mine = new IdempotencyClaim(eventId, until, null).Encode();
        var waited = false;
        for (var attempt = 0; attempt < CompareAndSet.MaxTries; attempt++)
        {
            var (value, revision) = await entries.ReadAsync(entry, cancellationToken).ConfigureAwait(false);
            var held = value is null ? null : IdempotencyClaim.Decode(value);
            if (held is { FirstRunId: { } firstRunId } && held.Until > now)
            {
                return new Outcome(entry, false, 0, firstRunId);
            }

            if (held is { FirstRunId: null } && held.Until > now && held.EventId != eventId && !waited)
            {
                // Another send holds the key and is publishing its event: wait (bounded) for it to name its run or give the key up.
                waited = true;
                await WaitForChangeAsync(entry, revision, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var written = value is null
                ? await entries.Store.TryCreateAsync(entry, mine, Raw, cancellationToken).ConfigureAwait(false)
                : await entries.Store.TryUpdateAsync(entry, mine, revision, Raw, cancellationToken).ConfigureAwait(false);
            if (written.Success)
            {
                return new Outcome(entry, true, written.Value, null);
            }

            if (written.Error is not (NatsKVWrongLastRevisionException or NatsKVCreateException))
            {
                throw written.Error;
            }

            waited = false;
        }

        throw new InvalidOperationException($"The idempotency key '{key}' of function '{functionId}' changed under {CompareAndSet.MaxTries} consecutive writes.");
    }

    /// <summary>Records the first run's Id in a claim this send made; a claim taken over meanwhile is left alone.</summary>
    public async ValueTask RecordRunAsync(Outcome claim, string eventId, DateTimeOffset until, string runId, CancellationToken cancellationToken) =>
        await entries.Store.TryUpdateAsync(claim.Key, new IdempotencyClaim(eventId, until, runId).Encode(), claim.Revision, Raw, cancellationToken).ConfigureAwait(false);

    /// <summary>Gives a claim back after its event could not be published.</summary>
    public async ValueTask ReleaseAsync(Outcome claim, CancellationToken cancellationToken) =>
        await entries.Store.TryDeleteAsync(claim.Key, new NatsKVDeleteOpts { Revision = claim.Revision }, cancellationToken).ConfigureAwait(false);

    private async ValueTask WaitForChangeAsync(string entry, ulong revision, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(PendingClaimBound);
        try
        {
            await foreach (var change in entries.Store.WatchAsync(entry, Raw, new NatsKVWatchOpts { MetaOnly = true }, bound.Token).ConfigureAwait(false))
            {
                if (change.Revision != revision)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The other send neither named a run nor gave the key up in time: it died between its claim and its publish.
        }
    }
}
