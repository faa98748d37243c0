using AttrFanout.FlowControl;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Flow control's shared state for one process: slots held under leases and rate buckets, each operation under one lock.
/// Leases are compared with the times the engine passes in, so a holder that stops renewing drops out when its lease runs out.
/// </summary>
internal sealed class InMemoryFlowControl : IFlowControlStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<SlotLease>> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _buckets = new(StringComparer.Ordinal);

    public ValueTask<bool> TryAcquireSlotAsync(string slot, int limit, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(slot, out var leases))
            {
                _slots.Add(slot, [new SlotLease(holder, leaseUntil)]);
                return ValueTask.FromResult(true);
            }

            leases.RemoveAll(lease => lease.Until <= now);
            var held = leases.FindIndex(lease => string.Equals(lease.Holder, holder, StringComparison.Ordinal));
            if (held >= 0)
            {
                leases[held] = new SlotLease(holder, leaseUntil);
                return ValueTask.FromResult(true);
            }

            if (leases.Count >= limit)
            {
                return ValueTask.FromResult(false);
            }

            leases.Add(new SlotLease(holder, leaseUntil));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> RenewSlotAsync(string slot, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(slot, out var leases))
            {
                var held = leases.FindIndex(lease => string.Equals(lease.Holder, holder, StringComparison.Ordinal));
                if (held >= 0)
                {
                    leases[held] = new SlotLease(holder, leaseUntil);
                    return ValueTask.FromResult(true);
                }
            }

            return ValueTask.FromResult(false);
        }
    }

    public ValueTask ReleaseSlotAsync(string slot, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(slot, out var leases))
            {
                leases.RemoveAll(lease => string.Equals(lease.Holder, holder, StringComparison.Ordinal));
                if (leases.Count == 0)
                {
                    _slots.Remove(slot);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<string>> GetSlotHoldersAsync(string slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> holders = _slots.TryGetValue(slot, out var leases)
                ? [.. leases.Where(lease => lease.Until > now).Select(static lease => lease.Holder)]
                : [];
            return ValueTask.FromResult(holders);
        }
    }

    public ValueTask<DateTimeOffset?> TryTakeRateAsync(string bucket, int limit, TimeSpan period, int burst, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            DateTimeOffset? stored = _buckets.TryGetValue(bucket, out var arrival) ? arrival : null;
            var decision = Gcra.Decide(stored, now, limit, period, burst);
            if (!decision.Conforms)
            {
                return ValueTask.FromResult<DateTimeOffset?>(decision.RetryAt);
            }

            _buckets[bucket] = decision.TheoreticalArrival;
            if (_buckets.Count > BucketsBeforePrune)
            {
                ForgetPassedBuckets(now);
            }

            return ValueTask.FromResult<DateTimeOffset?>(null);
        }
    }

    /// <summary>How many rate buckets are kept before those whose time has passed are forgotten.</summary>
    private const int BucketsBeforePrune = 10_000;

    private void ForgetPassedBuckets(DateTimeOffset now)
    {
        foreach (var (name, arrival) in _buckets.ToArray())
        {
            if (arrival <= now)
            {
                _buckets.Remove(name);
            }
        }
    }

    private readonly record struct SlotLease(string Holder, DateTimeOffset Until);
}
