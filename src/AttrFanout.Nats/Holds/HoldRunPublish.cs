using AttrFanout.Nats.Store;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Holds;

/// <summary>
/// Publishes the event of a debounce or a batch straight to its one function, on the function's replay subject (its
/// consumer filters on the function's own event, which this event is not): the run is named by the event's Id, which is
/// derived from the events it carries, and so is the message, so the server drops a repeated publish (within the stream's
/// duplicate window) and the run is created once.
/// </summary>
internal static class HoldRunPublish
{
    public static async ValueTask<AcceptResult> AcceptAsync(JetStreamSession session, RunRequest run, WireEvent wire, CancellationToken cancellationToken)
    {
        var published = await session.Publisher.PublishReplayAsync(run.FunctionId, wire, wire.Id, run.Keys?.Encode(), cancellationToken).ConfigureAwait(false);
        return new AcceptResult(published.IsDuplicate, [wire.Id]);
    }
}
