using System.Diagnostics.CodeAnalysis;

namespace AttrFanout.Stores.InMemory;

/// <summary>The event Ids inside their idempotency window, oldest first. Not thread-safe: the store calls it under its lock.</summary>
internal sealed class AcceptedEvents
{
    private readonly Dictionary<string, AcceptedEvent> _byId = new(StringComparer.Ordinal);
    private readonly Queue<AcceptedEvent> _byAge = new();

    public int Count => _byId.Count;

    public bool TryGetValue(string eventId, [NotNullWhen(true)] out AcceptedEvent? accepted) => _byId.TryGetValue(eventId, out accepted);

    public void Add(AcceptedEvent accepted)
    {
        _byId.Add(accepted.EventId, accepted);
        _byAge.Enqueue(accepted);
    }

    /// <summary>Removes the oldest event when its window ended at <paramref name="now"/>.</summary>
    public bool TryRemoveExpired(DateTimeOffset now, [NotNullWhen(true)] out AcceptedEvent? expired)
    {
        if (_byAge.TryPeek(out expired) && expired.DeduplicateUntil <= now)
        {
            _byAge.Dequeue();
            _byId.Remove(expired.EventId);
            return true;
        }

        expired = null;
        return false;
    }
}
