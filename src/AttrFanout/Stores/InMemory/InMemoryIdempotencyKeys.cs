namespace AttrFanout.Stores.InMemory;

/// <summary>
/// The idempotency keys of functions (<see cref="RunRequest.IdempotencyKey"/>), each with the run that took it and until
/// when it keeps later runs out. Not thread-safe: the store calls it under its lock.
/// </summary>
internal sealed class InMemoryIdempotencyKeys
{
    private readonly Dictionary<(string FunctionId, string Key), (string RunId, DateTimeOffset Until)> _taken = [];
    private readonly Queue<(string FunctionId, string Key, DateTimeOffset Until)> _byAge = new();

    /// <summary>Gets the run that took <paramref name="key"/> for <paramref name="functionId"/> and keeps it at <paramref name="now"/>.</summary>
    public string? Holder(string functionId, string key, DateTimeOffset now) =>
        _taken.TryGetValue((functionId, key), out var taken) && taken.Until > now ? taken.RunId : null;

    public void Take(string functionId, string key, string runId, DateTimeOffset until)
    {
        _taken[(functionId, key)] = (runId, until);
        _byAge.Enqueue((functionId, key, until));
    }

    /// <summary>Forgets keys that ran out, oldest first.</summary>
    public void Prune(DateTimeOffset now)
    {
        while (_byAge.TryPeek(out var oldest) && oldest.Until <= now)
        {
            _byAge.Dequeue();
            if (_taken.TryGetValue((oldest.FunctionId, oldest.Key), out var taken) && taken.Until <= now)
            {
                _taken.Remove((oldest.FunctionId, oldest.Key));
            }
        }
    }
}
