using AttrFanout.Runtime;
using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Telemetry;

namespace AttrFanout.Sending;

/// <summary>
/// Turns an event into one run per subscribed function and has the store accept them, traced and counted. The payload is
/// serialized here, once, and refused over <see cref="AttrFanoutOptions.MaxPayloadBytes"/>, whatever the store.
/// Runs are registered as expected (so waiting on them reads no store) except in memory, where reading is as cheap.
/// </summary>
internal sealed class EventAcceptor(FunctionCatalog catalog, IFanoutStore store, AttrFanoutOptions options, RunCompletions completions)
{
    public async ValueTask<SendResult> AcceptAsync(EventEnvelope envelope, bool idChosenBySender, CancellationToken cancellationToken, bool sentFromFunction = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var payload = Serialize(envelope);
        using var activity = FanoutActivities.StartSend(envelope.Name);
        var functions = catalog.GetFunctions(envelope.Name);
        var runs = new RunRequest[functions.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = new RunRequest(EventIds.New(), functions[i].Id);
        }

        var submission = new EventSubmission(envelope, runs, envelope.Timestamp + options.IdempotencyWindow, activity?.Id) {
            IdChosenBySender = idChosenBySender,
            Payload = payload,
            SentFromFunction = sentFromFunction || AmbientRun.IsInside,
        };
        var runIds = Array.ConvertAll(runs, static run => run.RunId);
        var expect = store is not InMemoryFanoutStore;
        if (expect)
        {
            completions.Expect(runIds);
        }

        AcceptResult accepted;
        try
        {
            accepted = await store.AcceptAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (expect)
            {
                completions.Forget(runIds);
            }

            throw;
        }

        if (expect && (accepted.IsDuplicate || !SameRuns(accepted.RunIds, runIds)))
        {
            completions.Forget(runIds);
            if (!accepted.IsDuplicate)
            {
                completions.ExpectGivenByStore(accepted.RunIds);
            }
        }

        if (!accepted.IsDuplicate)
        {
            FanoutMetrics.Add(FanoutMetrics.EventsSent, FanoutTags.Event, envelope.Name);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(FanoutTags.EventId, envelope.Id);
            activity.SetTag(FanoutTags.Duplicate, accepted.IsDuplicate);
            activity.SetTag(FanoutTags.Runs, accepted.RunIds.Count);
        }

        return new SendResult(envelope.Id, accepted.RunIds, accepted.IsDuplicate);
    }

    private static bool SameRuns(IReadOnlyList<string> accepted, string[] requested)
    {
        if (accepted.Count != requested.Length)
        {
            return false;
        }

        for (var i = 0; i < requested.Length; i++)
        {
            if (!string.Equals(accepted[i], requested[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private byte[]? Serialize(EventEnvelope envelope)
    {
        if (!catalog.TryGetEvent(envelope.Name, out var descriptor) || !descriptor.CanSerializePayload)
        {
            return null;
        }

        var bytes = descriptor.SerializePayload(envelope.Payload);
        return bytes.Length <= options.MaxPayloadBytes ? bytes : throw new PayloadTooLargeException(envelope.Name, bytes.Length, options.MaxPayloadBytes);
    }
}
