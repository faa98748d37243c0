using System.Buffers;
using System.Text.Json;
using AttrFanout.Nats.FlowControl;
using AttrFanout.Stores;
using AttrFanout.Triggers;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.Holds;

/// <summary>
/// The holds of debounces and batches as entries <c>hold.{function:key}</c> of the flow bucket: the function, the key, the
/// due time and the held events inline (bounded by the batch's byte limit), each write made at the revision its writer
/// read, so every instance agrees.
/// </summary>
internal sealed class JetStreamHolds(INatsKVStore bucket) : IEventHoldStore
{
    private const string Kind = "hold";
    private static readonly NatsRawSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;

    /// <summary>The longest a listing of the holds' keys waits for the server, a network bound in real time.</summary>
    private static readonly TimeSpan ListingBound = TimeSpan.FromSeconds(1);

    public async ValueTask<StoredHold?> GetAsync(string functionId, string key, CancellationToken cancellationToken) =>
        await ReadAsync(EntryKey(functionId, key), cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> TryWriteAsync(StoredHold hold, long expectedVersion, CancellationToken cancellationToken)
    {
        var entryKey = EntryKey(hold.FunctionId, hold.Key);
        var value = Encode(hold);
        var written = expectedVersion == 0
            ? await bucket.TryCreateAsync(entryKey, value, Raw, cancellationToken).ConfigureAwait(false)
            : await bucket.TryUpdateAsync(entryKey, value, (ulong)expectedVersion, Raw, cancellationToken).ConfigureAwait(false);
        return written.Success || (written.Error is NatsKVWrongLastRevisionException or NatsKVCreateException ? false : throw written.Error);
    }

    public async ValueTask<bool> TryDeleteAsync(string functionId, string key, long expectedVersion, CancellationToken cancellationToken)
    {
        var deleted = await bucket.TryDeleteAsync(EntryKey(functionId, key), new NatsKVDeleteOpts { Revision = (ulong)expectedVersion }, cancellationToken).ConfigureAwait(false);
        return deleted.Success || (deleted.Error is NatsKVWrongLastRevisionException ? false : throw deleted.Error);
    }

    public async ValueTask<IReadOnlyList<HoldDue>> ListAsync(CancellationToken cancellationToken)
    {
        var holds = new List<HoldDue>();
        var keys = new List<string>();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(ListingBound);
        try
        {
            await foreach (var entryKey in bucket.GetKeysAsync([Kind + ".>"], cancellationToken: bound.Token).ConfigureAwait(false))
            {
                keys.Add(entryKey);
            }
        }
        catch (NatsKVException) when (keys.Count == 0)
        {
            return holds;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A key listing that has not ended within its bound: the keys read so far are this listing; the next one reads again.
        }

        foreach (var entryKey in keys)
        {
            if (await ReadAsync(entryKey, cancellationToken).ConfigureAwait(false) is { } hold)
            {
                holds.Add(new HoldDue(hold.FunctionId, hold.Key, hold.DueAt));
            }
        }

        return holds;
    }

    private static string EntryKey(string functionId, string key) => FlowKeyNames.For(Kind, functionId + ":" + key);

    private async ValueTask<StoredHold?> ReadAsync(string entryKey, CancellationToken cancellationToken)
    {
        var entry = await bucket.TryGetEntryAsync(entryKey, serializer: Raw, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!entry.Success)
        {
            return entry.Error is NatsKVKeyNotFoundException or NatsKVKeyDeletedException ? null : throw entry.Error;
        }

        return entry.Value.Value is { Length: > 0 } value ? Decode(value, (long)entry.Value.Revision) : null;
    }

    private static byte[] Encode(StoredHold hold)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("f", hold.FunctionId);
            writer.WriteString("k", hold.Key);
            writer.WriteString("d", hold.DueAt);
            writer.WritePropertyName("h");
            writer.WriteRawValue(hold.Events.ToUtf8Json(), skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static StoredHold Decode(byte[] value, long revision)
    {
        using var document = JsonDocument.Parse(value);
        var root = document.RootElement;
        var events = HeldEvents.FromUtf8Json(System.Text.Encoding.UTF8.GetBytes(root.GetProperty("h").GetRawText()));
        return new StoredHold(root.GetProperty("f").GetString()!, root.GetProperty("k").GetString()!, events, root.GetProperty("d").GetDateTimeOffset(), revision);
    }
}
