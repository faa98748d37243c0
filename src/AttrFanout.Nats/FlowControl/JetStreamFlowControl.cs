using System.Buffers.Binary;
using AttrFanout.FlowControl;
using AttrFanout.Stores;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// Flow control's shared state in the flow bucket, each operation one compare-and-set on one entry: a slot's entry holds
/// its holders and their lease ends (expired holders are dropped on every write), a rate bucket's its theoretical arrival
/// time, decided by <see cref="Gcra.Decide"/> inside the loop.
/// </summary>
internal sealed class JetStreamFlowControl(CompareAndSet entries) : IFlowControlStore
{
    public ValueTask<bool> TryAcquireSlotAsync(string slot, int limit, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        entries.ApplyAsync(FlowKeyNames.For(FlowKeyNames.Slot, slot), current =>
        {
            var holders = SlotHolders.Decode(current);
            holders.DropExpired(now);
            if (!holders.Holds(holder) && holders.Count >= limit)
            {
                return new CompareAndSet.Change<bool>(null, false);
            }

            holders.Set(holder, leaseUntil);
            return new CompareAndSet.Change<bool>(holders.Encode(), true);
        }, cancellationToken);

    public ValueTask<bool> RenewSlotAsync(string slot, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        entries.ApplyAsync(FlowKeyNames.For(FlowKeyNames.Slot, slot), current =>
        {
            var holders = SlotHolders.Decode(current);
            if (!holders.Holds(holder))
            {
                return new CompareAndSet.Change<bool>(null, false);
            }

            holders.Set(holder, leaseUntil);
            return new CompareAndSet.Change<bool>(holders.Encode(), true);
        }, cancellationToken);

    public async ValueTask ReleaseSlotAsync(string slot, string holder, CancellationToken cancellationToken) =>
        await entries.ApplyAsync(FlowKeyNames.For(FlowKeyNames.Slot, slot), current =>
        {
            var holders = SlotHolders.Decode(current);
            return holders.Remove(holder)
                ? new CompareAndSet.Change<bool>(holders.Encode(), true)
                : new CompareAndSet.Change<bool>(null, false);
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<string>> GetSlotHoldersAsync(string slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (value, _) = await entries.ReadAsync(FlowKeyNames.For(FlowKeyNames.Slot, slot), cancellationToken).ConfigureAwait(false);
        var holders = SlotHolders.Decode(value);
        holders.DropExpired(now);
        return holders.Holders();
    }

    public ValueTask<DateTimeOffset?> TryTakeRateAsync(string bucket, int limit, TimeSpan period, int burst, DateTimeOffset now, CancellationToken cancellationToken) =>
        entries.ApplyAsync<DateTimeOffset?>(FlowKeyNames.For(FlowKeyNames.Rate, bucket), current =>
        {
            var decision = Gcra.Decide(ReadTime(current), now, limit, period, burst);
            return decision.Conforms
                ? new CompareAndSet.Change<DateTimeOffset?>(WriteTime(decision.TheoreticalArrival), null)
                : new CompareAndSet.Change<DateTimeOffset?>(null, decision.RetryAt);
        }, cancellationToken);

    /// <summary>A theoretical arrival time: UTC ticks, 8 bytes big-endian.</summary>
    private static DateTimeOffset? ReadTime(byte[]? value) =>
        value is { Length: 8 } ? new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(value), TimeSpan.Zero) : null;

    private static byte[] WriteTime(DateTimeOffset time)
    {
        var value = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(value, time.UtcTicks);
        return value;
    }
}
