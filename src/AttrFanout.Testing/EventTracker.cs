namespace AttrFanout.Testing;

/// <summary>The app's <see cref="IEventObserver"/>: hands every accepted event to the sessions open at the time.</summary>
internal sealed class EventTracker : IEventObserver
{
    private readonly Lock _gate = new();
    private FanoutSession[] _sessions = [];

    public void OnEventAccepted(ObservedEvent accepted)
    {
        foreach (var session in Volatile.Read(ref _sessions))
        {
            session.Record(accepted);
        }
    }

    public void Open(FanoutSession session)
    {
        lock (_gate)
        {
            _sessions = [.. _sessions, session];
        }
    }

    public void Close(FanoutSession session)
    {
        lock (_gate)
        {
            _sessions = Array.FindAll(_sessions, open => !ReferenceEquals(open, session));
        }
    }
}
