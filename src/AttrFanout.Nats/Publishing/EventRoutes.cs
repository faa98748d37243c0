using AttrFanout.Nats.Intake;
using AttrFanout.Nats.Subjects;

namespace AttrFanout.Nats.Publishing;

/// <summary>
/// Chooses the subject an event is published to. An event some function takes (one of this app's, or one whose consumer
/// the server listed) goes straight to its routed subject, where only those functions' consumers read it. Any other
/// event goes to its ingress subject, where the intake looks again: it routes the event if a function took it up
/// meanwhile, accepts it if this app declares it, and dead-letters it otherwise. Without an intake every event goes to
/// its routed subject.
/// </summary>
internal sealed class EventRoutes(SubjectLayout subjects, IReadOnlySet<string> localEvents, RoutableSubjects? routable)
{
    /// <summary>Routes every event straight to its routed subject, as when no intake runs.</summary>
    public static EventRoutes Direct(SubjectLayout subjects) => new(subjects, new HashSet<string>(), routable: null);

    public string SubjectOf(string eventName)
    {
        var routed = subjects.Routed(eventName);
        return routable is null || localEvents.Contains(eventName) || routable.Contains(routed) ? routed : subjects.Event(eventName);
    }
}
