using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// Changes one KeyValue entry atomically against every other process: read it with its revision, compute the new value,
/// write it only at that revision (or create it only if absent), and start again when another process wrote first —
/// at most <see cref="MaxTries"/> times.
/// </summary>
internal sealed class CompareAndSet(INatsKVStore store)
{
    /// <summary>How many conflicting writes one change goes through before it gives up.</summary>
    public const int MaxTries = 100;

    private static readonly NatsRawSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;

    public INatsKVStore Store => store;

    /// <summary>What a change decided: the value to write (<see langword="null"/> writes nothing) and what to return.</summary>
    public readonly record struct Change<T>(byte[]? Write, T Result);

    /// <summary>Reads an entry: its value, or <see langword="null"/> when absent or deleted.</summary>
    public async ValueTask<(byte[]? Value, ulong Revision)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await store.TryGetEntryAsync(key, serializer: Raw, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (entry.Success)
        {
            return (entry.Value.Value ?? [], entry.Value.Revision);
        }

        return entry.Error is NatsKVKeyNotFoundException or NatsKVKeyDeletedException ? (null, 0) : throw entry.Error;
    }

    /// <summary>Applies <paramref name="change"/> to the entry's current value (<see langword="null"/> when absent) until it lands.</summary>
    public async ValueTask<T> ApplyAsync<T>(string key, Func<byte[]?, Change<T>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var (current, revision) = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
            var decided = change(current);
            if (decided.Write is not { } value)
            {
                return decided.Result;
            }

            var written = current is null
                ? await store.TryCreateAsync(key, value, Raw, cancellationToken).ConfigureAwait(false)
                : await store.TryUpdateAsync(key, value, revision, Raw, cancellationToken).ConfigureAwait(false);
            if (written.Success)
            {
                return decided.Result;
            }

            if (written.Error is not (NatsKVWrongLastRevisionException or NatsKVCreateException))
            {
                throw written.Error;
            }
        }

        throw new InvalidOperationException($"The flow-control entry '{key}' in bucket '{store.Bucket}' changed under {MaxTries} consecutive writes; too many processes contend for it.");
    }
}
