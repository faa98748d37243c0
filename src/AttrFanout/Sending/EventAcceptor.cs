using AttrFanout.Engine;
using AttrFanout.Runs;
using AttrFanout.Stores;
using AttrFanout.Telemetry;

namespace AttrFanout.Sending;

/// <summary>
/// Turns an event into one run per subscribed function and has the store accept them, traced and counted. The payload is
/// serialized here, once, and refused over <see cref="AttrFanoutOptions.MaxPayloadBytes"/>, whatever the store; for a
/// store that keeps payload objects it is only measured (<see cref="IFanoutStore.UsesPayloadBytes"/>).
/// The store names the runs (<see cref="RunIds"/>). The registered <see cref="IEventObserver"/>s, if any, are told of
/// each accepted event and the run that sent it.
/// </summary>
internal sealed class EventAcceptor(FunctionCatalog catalog, IFanoutStore store, AttrFanoutOptions options, RunCompletions completions, IEventObserver[]? observers = null, Triggers.CancelOnEvents? cancelOn = null)
{
    /// <summary>Gets whether an observer listens, so attempts must carry their run.</summary>
    public bool IsObserved => observers is { Length: > 0 };

    public async ValueTask<SendResult> AcceptAsync(
        EventEnvelope envelope,
        bool idChosenBySender,
        CancellationToken cancellationToken,
        bool sentFromFunction = false,
        string? sentByRunId = null,
        System.Diagnostics.ActivityContext parent = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var payload = Serialize(envelope);
        using var activity = FanoutActivities.StartSend(envelope.Name, envelope.Id, parent);
        var submission = new EventSubmission(envelope, catalog.GetRunRequests(envelope), envelope.Timestamp + options.IdempotencyWindow, TracePropagation.Capture()) {
            IdChosenBySender = idChosenBySender,
            Payload = payload,
            SentFromFunction = sentFromFunction || AmbientRun.IsInside,
        };

        var accepted = await AcceptAsync(submission, cancellationToken).ConfigureAwait(false);
        if (IsObserved)
        {
            Notify(new ObservedEvent(envelope.Id, envelope.Name, accepted.RunIds, accepted.IsDuplicate, sentByRunId ?? AmbientRun.RunId));
        }

        if (!accepted.IsDuplicate)
        {
            FanoutMetrics.Add(FanoutMetrics.EventsSent, FanoutTags.Event, envelope.Name);
            if (cancelOn is not null && cancelOn.Watches(envelope.Name))
            {
                await cancelOn.CancelMatchingAsync(envelope, cancellationToken).ConfigureAwait(false);
            }
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(FanoutTags.Duplicate, accepted.IsDuplicate);
            activity.SetTag(FanoutTags.Runs, accepted.RunIds.Count);
        }

        return new SendResult(envelope.Id, accepted.RunIds, accepted.IsDuplicate);
    }

    /// <summary>
    /// Has the store accept the event; a durable store's runs are then expected, so waiting on them reads nothing until
    /// they end. In memory, reading a run is as cheap as expecting it.
    /// </summary>
    private async ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        // A run Id standing in for a run an idempotency key kept out may name a run that ended long ago: not expected.
        if (!store.IsDurable || TakesIdempotencyKeys(submission.Runs))
        {
            return await store.AcceptAsync(submission, cancellationToken).ConfigureAwait(false);
        }

        completions.AcceptStarting();
        try
        {
            var accepted = await store.AcceptAsync(submission, cancellationToken).ConfigureAwait(false);
            if (!accepted.IsDuplicate)
            {
                completions.ExpectAccepted(accepted.RunIds);
            }

            return accepted;
        }
        finally
        {
            completions.AcceptFinished();
        }
    }

    private static bool TakesIdempotencyKeys(IReadOnlyList<RunRequest> runs)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].IdempotencyKey is not null)
            {
                return true;
            }
        }

        return false;
    }

    private void Notify(ObservedEvent accepted)
    {
        foreach (var observer in observers!)
        {
            observer.OnEventAccepted(accepted);
        }
    }

    private byte[]? Serialize(EventEnvelope envelope)
    {
        if (!catalog.TryGetEvent(envelope.Name, out var descriptor) || !descriptor.CanSerializePayload)
        {
            return null;
        }

        if (!store.UsesPayloadBytes)
        {
            var size = descriptor.MeasurePayload(envelope.Payload);
            return size <= options.MaxPayloadBytes ? null : throw new PayloadTooLargeException(envelope.Name, size, options.MaxPayloadBytes);
        }

        var bytes = descriptor.SerializePayload(envelope.Payload);
        return bytes.Length <= options.MaxPayloadBytes ? bytes : throw new PayloadTooLargeException(envelope.Name, bytes.Length, options.MaxPayloadBytes);
    }
}
