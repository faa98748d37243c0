using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Store;

/// <summary>The runs the server no longer delivers: failed ones from the dead-letter stream, finished ones from the consumer's ack floor.</summary>
internal sealed class DeadLetterRuns(IReadOnlyDictionary<string, FunctionSubscription> functions)
{
    public async ValueTask<FunctionRun?> GetAsync(JetStreamSession session, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindAsync(session, runId, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return FailedRuns.ToRun(failed);
        }

        if (!RunIds.TryParse(runId, out var sequence, out var functionId) || !functions.TryGetValue(functionId, out var function))
        {
            return null;
        }

        // A function with several triggers has a consumer per trigger and the Id does not say which holds the run: it is
        // known finished only below every one's ack floor.
        var ackFloor = ulong.MaxValue;
        foreach (var name in function.TriggerConsumers)
        {
            var consumer = await session.Js.GetConsumerAsync(session.Options.StreamName, name, cancellationToken).ConfigureAwait(false);
            ackFloor = Math.Min(ackFloor, consumer.Info.AckFloor.StreamSeq);
        }

        return new FunctionRun
        {
            RunId = runId,
            FunctionId = functionId,
            EventId = "",
            EventName = function.EventName,
            Status = sequence <= ackFloor ? RunStatus.Succeeded : RunStatus.Pending,
            UpdatedAt = now,
        };
    }

    /// <summary>Finds a run that ended failed, skipped or cancelled.</summary>
    public async ValueTask<FunctionRun?> FindEndedAsync(JetStreamSession session, string runId, CancellationToken cancellationToken) =>
        await FindAsync(session, runId, cancellationToken).ConfigureAwait(false) is { } letter ? FailedRuns.ToRun(letter) : null;

    public async ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(JetStreamSession session, FailedRunQuery query, CancellationToken cancellationToken)
    {
        var letters = await session.DeadLetterReader.ReadAllAsync(query.FunctionId, cancellationToken).ConfigureAwait(false);
        return letters.Where(static l => l.Status == RunStatus.Failed).Select(FailedRuns.ToRun).Where(query.Matches).OrderBy(static r => r.FailedAt).Take(query.Limit).ToArray();
    }

    /// <summary>Publishes the dead letter's event to its function's replay subject and marks it replayed.</summary>
    public async ValueTask<FunctionRun?> ReplayAsync(JetStreamSession session, string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var letter = await FindAsync(session, runId, cancellationToken).ConfigureAwait(false);
        if (letter is not { Status: RunStatus.Failed, ReplayedBy: null, EventId: { } eventId, EventName: { } eventName, EventTime: { } eventTime }
            || !await TakesReplaysAsync(session, letter.FunctionId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var wire = new WireEvent(eventId, eventName, eventTime, letter.Payload, letter.Trace);
        await session.Publisher.PublishReplayAsync(letter.FunctionId, wire, newRunId, letter.Keys, cancellationToken).ConfigureAwait(false);
        await session.DeadLetters.MarkReplayedAsync(letter.FunctionId, runId, newRunId, cancellationToken).ConfigureAwait(false);
        return new FunctionRun
        {
            RunId = newRunId,
            FunctionId = letter.FunctionId,
            EventId = eventId,
            EventName = eventName,
            Status = RunStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            ReplayOf = runId,
        };
    }

    /// <summary>
    /// Whether a replay of the function would be run: it is one of this app's, or, for a tool attached to the app's
    /// streams (<see cref="NatsJetStreamOptions.AttachOnly"/>), the server has its replay consumer.
    /// </summary>
    private async ValueTask<bool> TakesReplaysAsync(JetStreamSession session, string functionId, CancellationToken cancellationToken)
    {
        if (functions.ContainsKey(functionId))
        {
            return true;
        }

        if (!session.Options.AttachOnly)
        {
            return false;
        }

        try
        {
            await session.Js.GetConsumerAsync(session.Options.StreamName, ConsumerNames.Replay(functionId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NATS.Client.JetStream.NatsJSApiException e) when (e.Error.Code == 404)
        {
            return false;
        }
    }

    private static async ValueTask<DeadLetter?> FindAsync(JetStreamSession session, string runId, CancellationToken cancellationToken)
    {
        var functionId = RunIds.TryParse(runId, out _, out var parsed) ? parsed : null;
        var letters = await session.DeadLetterReader.ReadAllAsync(functionId, cancellationToken).ConfigureAwait(false);
        return letters.FirstOrDefault(l => l.RunId == runId);
    }
}
