using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.Retries;

/// <summary>
/// The KeyValue bucket <c>{stream}_RETRIES</c> that keeps runs waiting for their next attempt, out of every consumer's
/// pending set: a waiting run is an entry (see <see cref="RetryKey"/> and <see cref="WaitingRun"/>) until it is due.
/// </summary>
internal sealed class RetryBucket(INatsKVStore store)
{
    private static readonly INatsSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;

    public INatsKVStore Store => store;

    /// <summary>Creates the bucket, or updates it to these settings.</summary>
    public static async ValueTask<RetryBucket> OpenAsync(INatsJSContext js, NatsJetStreamOptions options, CancellationToken cancellationToken)
    {
        var kv = new NatsKVContext(js);
        if (options.AttachOnly)
        {
            return new RetryBucket(await FlowControl.FlowBucket.AttachAsync(kv, BucketName(options), cancellationToken).ConfigureAwait(false));
        }

        var store = await kv.CreateOrUpdateStoreAsync(
            new NatsKVConfig(BucketName(options))
            {
                Description = "AttrFanout runs waiting for their next attempt, keyed by due time",
                History = 1,
                Storage = options.Storage == NatsStorage.Memory ? NatsKVStorageType.Memory : NatsKVStorageType.File,
                NumberOfReplicas = options.Replicas,
            },
            cancellationToken).ConfigureAwait(false);
        return new RetryBucket(store);
    }

    public static string BucketName(NatsJetStreamOptions options) => options.StreamName + "_RETRIES";

    /// <summary>Records a waiting run; returns once the server stored it.</summary>
    public async ValueTask RecordAsync(string key, WaitingRun run, CancellationToken cancellationToken) =>
        await store.PutAsync(key, run.Encode(), Raw, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads a waiting run; <see langword="null"/> when it is gone (another instance replayed it) or unreadable.</summary>
    public async ValueTask<(bool Found, WaitingRun? Run)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var result = await store.TryGetEntryAsync(key, serializer: Raw, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Success ? (true, WaitingRun.Decode(result.Value.Value)) : (false, null);
    }

    /// <summary>Removes a waiting run, unless it changed since <paramref name="revision"/>.</summary>
    public async ValueTask RemoveAsync(string key, ulong revision, CancellationToken cancellationToken) =>
        await store.TryDeleteAsync(key, new NatsKVDeleteOpts { Revision = revision }, cancellationToken).ConfigureAwait(false);

    /// <summary>Drops the markers of runs removed more than half an hour ago, so the bucket does not grow with every retry ever made.</summary>
    public ValueTask PurgeOldMarkersAsync(CancellationToken cancellationToken) =>
        store.PurgeDeletesAsync(new NatsKVPurgeOpts { DeleteMarkersThreshold = TimeSpan.FromMinutes(30) }, cancellationToken);
}
