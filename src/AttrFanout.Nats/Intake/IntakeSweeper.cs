using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Intake;

/// <summary>
/// Reads every message on the ingress subjects once (competing across processes): events that other producers published
/// there, and those an app sent while it knew of no function taking them. An event some function consumer filters on is
/// published again to its routed subject, for those functions; an event this app declares without subscribers is
/// accepted and starts no run (as in memory); anything else (an undecodable subject, an event nobody takes or declares)
/// goes to the dead-letter stream. Whether the message is a valid event is checked by each function that takes it, which
/// dead-letters its own run when it is not. Its feed keeps the next messages coming while it sweeps those here.
/// </summary>
/// <remarks>
/// Each message is acknowledged on its own once routed or swept; a message routed again after a redelivery keeps its
/// routed message Id, so the server drops the copy. Acknowledging a batch at once would take an <c>AckAll</c> consumer,
/// whose acknowledgement of a sequence also settles every lower sequence delivered to other processes: one process could
/// settle messages another has not swept yet, and a crash of that other process would then lose them.
/// </remarks>
internal sealed class IntakeSweeper(
    ConsumerFeed intake,
    SubjectLayout subjects,
    RoutableSubjects routable,
    EventPublisher publisher,
    Func<string, bool> isDeclared,
    DeadLetterWriter deadLetters,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>How many messages the intake asks for at once (it holds at most <see cref="ConsumerFeed.BatchesHeld"/> batches).</summary>
    public const int Batch = 64;

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await intake.WaitAsync(stopping).ConfigureAwait(false);
                var sweeps = new List<Task>();
                while (intake.TryTake(out var message))
                {
                    sweeps.Add(SweepAsync(message, stopping).AsTask());
                }

                await Task.WhenAll(sweeps).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                Log.IntakeFailed(logger, error);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async ValueTask SweepAsync(DeliveredMessage message, CancellationToken cancellationToken)
    {
        if (subjects.TryGetEventName(message.Subject, out var eventName)
            && await routable.IsRoutableAsync(subjects.Routed(eventName), cancellationToken).ConfigureAwait(false))
        {
            await publisher.PublishRoutedAsync(eventName, message.StreamSequence, message.StoredAt, message.Body, message.Headers, cancellationToken).ConfigureAwait(false);
            await message.AckAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var error = eventName is null
            ? $"The subject '{message.Subject}' does not encode an event name, so no function can take the message."
            : isDeclared(eventName)
                ? null
                : $"No function subscribes to the event '{eventName}' and no [Event] of this app declares it (no consumer filters on '{subjects.Routed(eventName)}'); check the event name, and that the app with its [OnEvent(\"{eventName}\")] function has started.";
        if (error is not null)
        {
            var eventId = HeaderText.Get(message.Headers, WireHeaders.MessageId);
            DateTimeOffset? eventTime = HeaderText.TryGetTime(message.Headers, WireHeaders.EventTime, out var at) ? at : null;
            await deadLetters.WriteAsync(
                new DeadLetter(
                    SubjectLayout.UnroutableToken,
                    "unroutable-" + message.StreamSequence,
                    eventId,
                    eventName,
                    eventTime,
                    message.Body,
                    "AttrFanout.Nats.UnroutableMessage",
                    error,
                    0,
                    time.GetUtcNow(),
                    message.Subject,
                    message.StreamSequence,
                    TraceHeaders.Read(message.Headers)),
                cancellationToken).ConfigureAwait(false);
            Log.DeadLettered(logger, message.StreamSequence, message.Subject, SubjectLayout.UnroutableToken, error);
        }

        await message.AckAsync(cancellationToken).ConfigureAwait(false);
    }
}
