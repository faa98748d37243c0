namespace AttrFanout.Stores.InMemory;

/// <summary>The holds of debounces and batches in memory, under one lock; each write compares the version it read.</summary>
internal sealed class InMemoryHolds : IEventHoldStore
{
    private readonly Dictionary<(string Function, string Key), StoredHold> _holds = [];
    private readonly Lock _gate = new();
    private long _versions;

    public ValueTask<StoredHold?> GetAsync(string functionId, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_holds.GetValueOrDefault((functionId, key)));
        }
    }

    public ValueTask<bool> TryWriteAsync(StoredHold hold, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var place = (hold.FunctionId, hold.Key);
            if ((_holds.TryGetValue(place, out var current) ? current.Version : 0) != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            _holds[place] = hold with { Version = ++_versions };
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> TryDeleteAsync(string functionId, string key, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var removed = _holds.TryGetValue((functionId, key), out var current) && current.Version == expectedVersion && _holds.Remove((functionId, key));
            return ValueTask.FromResult(removed);
        }
    }

    public ValueTask<IReadOnlyList<HoldDue>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<HoldDue>>([.. _holds.Values.Select(static h => new HoldDue(h.FunctionId, h.Key, h.DueAt))]);
        }
    }
}
