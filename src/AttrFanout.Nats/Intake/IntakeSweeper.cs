using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Intake;

/// <summary>
/// Reads every event message once (competing across processes) and moves to the dead-letter stream those no function
/// consumer will take: an undecodable subject, or an event that no function subscribes to and this app does not
/// declare (an event it declares without subscribers is accepted and starts no run, as in memory). Messages a function
/// takes are checked by that function's delivery, which dead-letters its own run when the message is invalid. The next
/// pull is on its way while a batch is swept.
/// </summary>
internal sealed class IntakeSweeper(
    DurableConsumer intake,
    SubjectLayout subjects,
    RoutableSubjects routable,
    Func<string, bool> isDeclared,
    DeadLetterWriter deadLetters,
    TimeSpan expiry,
    TimeProvider time,
    ILogger logger)
{
    private const int Batch = 64;

    public async Task RunAsync(CancellationToken stopping)
    {
        Task<IReadOnlyList<DeliveredMessage>>? next = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var fetched = await (next ?? intake.FetchAsync(Batch, expiry, stopping).AsTask()).ConfigureAwait(false);
                next = null;
                if (fetched.Count == 0)
                {
                    continue;
                }

                next = intake.FetchAsync(Batch, expiry, stopping).AsTask();
                foreach (var message in fetched)
                {
                    await SweepAsync(message, stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                next = null;
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
        var error = !subjects.TryGetEventName(message.Subject, out var eventName)
            ? $"The subject '{message.Subject}' does not encode an event name, so no function can take the message."
            : isDeclared(eventName) || await routable.IsRoutableAsync(message.Subject, cancellationToken).ConfigureAwait(false)
                ? null
                : $"No function subscribes to the event '{eventName}' and no [Event] of this app declares it (no consumer filters on '{message.Subject}'); check the event name, and that the app with its [OnEvent(\"{eventName}\")] function has started.";
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
                    HeaderText.Get(message.Headers, WireHeaders.TraceParent)),
                cancellationToken).ConfigureAwait(false);
            Log.DeadLettered(logger, message.StreamSequence, message.Subject, SubjectLayout.UnroutableToken, error);
        }

        await message.AckAsync(cancellationToken).ConfigureAwait(false);
    }
}
