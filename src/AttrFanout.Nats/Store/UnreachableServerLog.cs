using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Store;

/// <summary>
/// Says once, at error level, that the server cannot be reached, naming it (without credentials) and what to do; then
/// at most once per <see cref="Interval"/> that it still cannot, and once that it can again. Never a stack trace: every
/// worker of every function meets the same failure each time it tries.
/// </summary>
internal sealed class UnreachableServerLog(string url, TimeProvider time, ILogger logger)
{
    /// <summary>The least time between two "still unreachable" lines.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly string _servers = ServerNames.Of(url);
    private long _downSince = -1;
    private long _loggedAt;
    private int _failures;

    public void Failed(Exception error, TimeSpan retryIn)
    {
        var now = time.GetTimestamp();
        int failures;
        TimeSpan down;
        lock (_gate)
        {
            failures = ++_failures;
            if (_downSince < 0)
            {
                _downSince = now;
                _loggedAt = now;
                Log.ServerUnreachable(logger, _servers, ServerNames.Redact(error.Message, url), retryIn, Interval);
                return;
            }

            if (time.GetElapsedTime(_loggedAt, now) < Interval)
            {
                return;
            }

            _loggedAt = now;
            down = time.GetElapsedTime(_downSince, now);
        }

        Log.ServerStillUnreachable(logger, _servers, down, failures, ServerNames.Redact(error.Message, url));
    }

    public void Reached()
    {
        lock (_gate)
        {
            if (_downSince < 0)
            {
                return;
            }

            _downSince = -1;
            _failures = 0;
        }

        Log.ServerReachable(logger, _servers);
    }
}
