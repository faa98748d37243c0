using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Publishing;

/// <summary>Publishes events once to their subject, and replays to a function's replay subject; the server acknowledges each.</summary>
internal sealed class EventPublisher(INatsJSContext js, SubjectLayout subjects)
{
    public ValueTask<PublishOutcome> PublishAsync(WireEvent wireEvent, CancellationToken cancellationToken) =>
        PublishAsync(subjects.Event(wireEvent.Name), wireEvent.Payload, WireEventWriter.EventHeaders(wireEvent), cancellationToken);

    public ValueTask<PublishOutcome> PublishReplayAsync(string functionId, WireEvent wireEvent, string runId, CancellationToken cancellationToken) =>
        PublishAsync(subjects.Replay(functionId), wireEvent.Payload, WireEventWriter.ReplayHeaders(wireEvent, runId), cancellationToken);

    private async ValueTask<PublishOutcome> PublishAsync(string subject, ReadOnlyMemory<byte> payload, NatsHeaders headers, CancellationToken cancellationToken)
    {
        var ack = await js.PublishAsync(subject, payload, NatsRawSerializer<ReadOnlyMemory<byte>>.Default, headers: headers, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!ack.Duplicate)
        {
            ack.EnsureSuccess();
        }

        return new PublishOutcome(ack.Seq, ack.Duplicate);
    }
}
