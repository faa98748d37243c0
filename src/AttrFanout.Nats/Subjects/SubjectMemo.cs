using System.Collections.Concurrent;

namespace AttrFanout.Nats.Subjects;

/// <summary>
/// Remembers up to <see cref="Capacity"/> results of a pure mapping between names and subjects, so the hot paths
/// (a subject per publish, an event name per delivery) skip the codec; past the capacity it only computes.
/// </summary>
internal sealed class SubjectMemo
{
    /// <summary>How many entries are remembered at most: far more than the events of an app, bounded against foreign subjects.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, string> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _entries.TryGetValue(key, out value);

    public string Remember(string key, string value)
    {
        if (_entries.Count < Capacity)
        {
            _entries.TryAdd(key, value);
        }

        return value;
    }
}
