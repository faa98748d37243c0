using AttrFanout.Nats.Provisioning;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Intake;

/// <summary>
/// The routed subjects some function consumer filters on, across every app sharing the stream, read from the server.
/// The intake re-reads them (at most once a second) when a subject is not among them; publishers only look them up,
/// so any number of threads may call <see cref="Contains"/> while one refreshes.
/// </summary>
internal sealed class RoutableSubjects(INatsJSContext js, string stream, TimeProvider time)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private volatile HashSet<string> _subjects = new(StringComparer.Ordinal);
    private long _refreshedAt = long.MinValue;

    /// <summary>Gets whether <paramref name="subject"/> was routable when the subjects were last read.</summary>
    public bool Contains(string subject) => _subjects.Contains(subject);

    /// <summary>Gets whether <paramref name="subject"/> is routable, reading the subjects again first when it was not and they are over a second old.</summary>
    public async ValueTask<bool> IsRoutableAsync(string subject, CancellationToken cancellationToken)
    {
        if (Contains(subject))
        {
            return true;
        }

        if (_refreshedAt != long.MinValue && time.GetElapsedTime(_refreshedAt) < RefreshInterval)
        {
            return false;
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Contains(subject);
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
        _refreshedAt = time.GetTimestamp();
    }
}
