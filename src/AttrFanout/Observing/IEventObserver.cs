namespace AttrFanout;

/// <summary>
/// Is told of every event this process has accepted, with the run that sent it: what a test harness needs to follow a
/// cascade of events. Register observers as singleton <see cref="IEventObserver"/>s before the first send; each is told.
/// </summary>
/// <remarks>
/// While any observer is registered, each attempt carries its run so that what it sends can be attributed to it, at the
/// cost of a small allocation per attempt; without one, nothing is paid. Events accepted by other processes sharing a
/// durable store are not observed.
/// </remarks>
public interface IEventObserver
{
    /// <summary>
    /// Called once the store has accepted an event and created its runs. Keep it short, the sender waits for it, and do
    /// not throw: the exception would reach the sender of an event already accepted.
    /// </summary>
    /// <param name="accepted">The event, its runs and the run that sent it.</param>
    void OnEventAccepted(ObservedEvent accepted);
}
