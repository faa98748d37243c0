using AttrFanout.Nats.Provisioning;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Intake;

/// <summary>
/// The event subjects some function consumer filters on, across every app sharing the stream, read from the server and
/// re-read (at most once a second) when a subject is not among them.
/// </summary>
internal sealed class RoutableSubjects(INatsJSContext js, string stream, TimeProvider time)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private HashSet<string> _subjects = new(StringComparer.Ordinal);
    private long _refreshedAt = long.MinValue;

    public async ValueTask<bool> IsRoutableAsync(string subject, CancellationToken cancellationToken)
    {
        if (_subjects.Contains(subject))
        {
            return true;
        }

        if (_refreshedAt != long.MinValue && time.GetElapsedTime(_refreshedAt) < RefreshInterval)
        {
            return false;
        }

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
        return subjects.Contains(subject);
    }
}
