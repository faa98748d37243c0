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
/// takes are checked by that function's delivery, which dead-letters its own run when the message is invalid. Its feed
/// keeps the next messages coming while it sweeps those here.
/// </summary>
/// <remarks>
/// Each message is acknowledged on its own once swept. Acknowledging a batch at once would take an <c>AckAll</c>
/// consumer, whose acknowledgement of a sequence also settles every lower sequence delivered to other processes: one
/// process could settle messages another has not swept yet, and a crash of that other process would then lose an
/// unroutable message instead of dead-lettering it.
/// </remarks>
internal sealed class IntakeSweeper(
    ConsumerFeed intake,
    SubjectLayout subjects,
    RoutableSubjects routable,
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
                while (intake.TryTake(out var message))
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
