using AttrFanout.Nats.Provisioning;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Intake;

/// <summary>
/// The routed subjects some function consumer filters on, across every app sharing the stream, read from the server.
/// The intake reads them again before it looks when a subject is not among them (at most once a second) or they are
/// older than <see cref="MaxAge"/>; a publisher's lookup of subjects older than that reads them again in the
/// background, so a consumer moved to another event stops counting within about that time. Any number of threads may
/// look up while one reads.
/// </summary>
internal sealed class RoutableSubjects(INatsJSContext js, string stream, TimeProvider time)
{
    /// <summary>How long the subjects read are trusted before a lookup reads them again.</summary>
    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);
    private volatile HashSet<string> _subjects = new(StringComparer.Ordinal);
    private long _refreshedAt = long.MinValue;
    private long _backgroundStartedAt = long.MinValue;
    private int _refreshing;

    /// <summary>Gets whether <paramref name="subject"/> was routable when the subjects were last read.</summary>
    public bool Contains(string subject)
    {
        if (IsOlderThan(Volatile.Read(ref _refreshedAt), MaxAge) && IsOlderThan(Volatile.Read(ref _backgroundStartedAt), MissRefreshInterval) && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            Volatile.Write(ref _backgroundStartedAt, time.GetTimestamp());
            _ = RefreshInBackgroundAsync();
        }

        return _subjects.Contains(subject);
    }

    /// <summary>
    /// Gets whether <paramref name="subject"/> is routable, reading the subjects again first, and not in the background,
    /// when they are older than <see cref="MaxAge"/>, or when the subject is not among them and they are over a second old.
    /// </summary>
    public async ValueTask<bool> IsRoutableAsync(string subject, CancellationToken cancellationToken)
    {
        var refreshedAt = Volatile.Read(ref _refreshedAt);
        if (IsOlderThan(refreshedAt, MaxAge) || (!_subjects.Contains(subject) && IsOlderThan(refreshedAt, MissRefreshInterval)))
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return _subjects.Contains(subject);
    }

    /// <summary>Reads the filter subjects of every function consumer of the stream.</summary>
    public async ValueTask RefreshAsync(CancellationToken cancellationToken)
    {
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var consumer in js.ListConsumersAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            if (consumer.Info.Name.StartsWith(ConsumerNames.Function(""), StringComparison.Ordinal) && consumer.Info.Config.FilterSubject is { } filter)
            {
                subjects.Add(filter);
            }
        }

        _subjects = subjects;
        Volatile.Write(ref _refreshedAt, time.GetTimestamp());
    }

    /// <summary>Whether the timestamp <paramref name="at"/> is longer ago than <paramref name="age"/>, or was never set.</summary>
    private bool IsOlderThan(long at, TimeSpan age) => at == long.MinValue || time.GetElapsedTime(at) > age;

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The next lookup past the age tries again; until then the subjects read last stand.
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}
