namespace AttrFanout.Stores;

/// <summary>
/// Decides when a failure that repeats (a store that is down, a file that is read-only) is logged: the first time in
/// full, then at most once per interval with how often it recurred meanwhile, so an outage is seen once and then at a
/// throttled rate instead of a stack trace per retry. Failures are the same when their type and message are.
/// Thread-safe; store providers and the engine share one per app.
/// </summary>
public sealed class FailureThrottle
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset LoggedAt, int Suppressed)> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Creates a throttle.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">The least time between two logs of the same failure.</param>
    public FailureThrottle(TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _interval = interval;
    }

    /// <summary>The interval an app's throttle uses.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    /// <summary>Records an occurrence of <paramref name="error"/> in <paramref name="where"/> and tells whether to log it now.</summary>
    /// <param name="where">What failed (a function's worker, a store's poll), so unrelated places are throttled apart.</param>
    /// <param name="error">The failure.</param>
    /// <param name="repeated">
    /// When the result is <see langword="true"/>: 0 for the first occurrence (log it in full), else how many occurrences
    /// since the last log (log a short reminder).
    /// </param>
    /// <returns>Whether to log this occurrence.</returns>
    public bool ShouldLog(string where, Exception error, out int repeated)
    {
        ArgumentNullException.ThrowIfNull(error);
        var key = where + "\n" + error.GetType().FullName + "\n" + error.Message;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_seen.TryGetValue(key, out var seen))
            {
                _seen[key] = (now, 0);
                repeated = 0;
                return true;
            }

            if (now - seen.LoggedAt >= _interval)
            {
                _seen[key] = (now, 0);
                repeated = seen.Suppressed + 1;
                return true;
            }

            _seen[key] = (seen.LoggedAt, seen.Suppressed + 1);
            repeated = 0;
            return false;
        }
    }

    /// <summary>Forgets the failures of <paramref name="where"/> once it works again, so the next failure is logged in full.</summary>
    /// <param name="where">What recovered.</param>
    public void Recovered(string where)
    {
        lock (_gate)
        {
            if (_seen.Count == 0)
            {
                return;
            }

            var prefix = where + "\n";
            foreach (var key in _seen.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray())
            {
                _seen.Remove(key);
            }
        }
    }
}
