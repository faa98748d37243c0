using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Wire;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Store;

/// <summary>
/// Fails a delivery the engine never sees (invalid message, unreadable payload, attempts used up by processes that died):
/// dead-letters it with the reason, stops its deliveries, and sends <c>attrfanout/function.failed</c> as the engine would.
/// </summary>
internal sealed class RunRejections(PayloadCodec codec, TimeProvider time, ILogger logger)
{
    public async ValueTask RejectAsync(
        JetStreamSession session,
        FunctionSubscription function,
        DeliveredMessage message,
        WireEvent? wire,
        string runId,
        string errorType,
        string error,
        int attempts)
    {
        var failedAt = time.GetUtcNow();
        try
        {
            await session.DeadLetters.WriteAsync(
                new DeadLetter(
                    function.FunctionId,
                    runId,
                    wire?.Id ?? HeaderText.Get(message.Headers, WireHeaders.MessageId),
                    wire?.Name,
                    wire?.Timestamp,
                    message.Body,
                    errorType,
                    error,
                    attempts,
                    failedAt,
                    message.Subject,
                    message.StreamSequence,
                    wire?.TraceParent),
                CancellationToken.None).ConfigureAwait(false);
            await message.TerminateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception reportError)
        {
            Log.ReportFailed(logger, runId, reportError);
            return;
        }

        Log.DeadLettered(logger, message.StreamSequence, message.Subject, function.FunctionId, error);
        if (wire is null || wire.Name == FunctionFailed.Name)
        {
            return;
        }

        try
        {
            var failure = new FunctionFailed(function.FunctionId, runId, wire.Id, wire.Name, attempts, errorType, error, failedAt);
            var envelope = new Event<FunctionFailed>(Guid.CreateVersion7().ToString("N"), FunctionFailed.Name, failedAt, failure);
            var failureWire = new WireEvent(envelope.Id, envelope.Name, envelope.Timestamp, codec.Serialize(envelope), wire.TraceParent);
            await session.Publisher.PublishAsync(failureWire, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception sendError)
        {
            Log.FailureEventNotSent(logger, runId, sendError);
        }
    }
}
