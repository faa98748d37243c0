using AttrFanout.Nats.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Store;

/// <summary>
/// Reads the events the event stream still retains (under interest retention: those some function has not acknowledged
/// yet), from its newest <see cref="MostPositionsRead"/> positions, with a short-lived ordered consumer. Replays and
/// hand-backs are runs of events already accepted, not events, and are left out.
/// </summary>
internal static class RetainedEvents
{
    /// <summary>How many of the newest stream positions one listing reads.</summary>
    public const ulong MostPositionsRead = 1_000;

    private const int Batch = 256;

    /// <returns>The events with their stream sequences, oldest first, and whether older retained positions were left unread.</returns>
    public static async ValueTask<(List<(ulong Sequence, WireEvent Event)> Events, bool OlderLeftOut)> ReadAsync(JetStreamSession session, CancellationToken cancellationToken)
    {
        var events = new List<(ulong, WireEvent)>();
        var stream = await session.Js.GetStreamAsync(session.Options.StreamName, cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = stream.Info.State;
        if (state.Messages == 0)
        {
            return (events, false);
        }

        var start = Math.Max(state.FirstSeq, state.LastSeq >= MostPositionsRead ? state.LastSeq - MostPositionsRead + 1 : 1);
        var consumer = await session.Js.CreateOrderedConsumerAsync(
            session.Options.StreamName,
            new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence, OptStartSeq = start },
            cancellationToken).ConfigureAwait(false);
        var done = false;
        while (!done)
        {
            var received = 0;
            await foreach (var message in consumer.FetchNoWaitAsync(new NatsJSFetchOpts { MaxMsgs = Batch }, NatsRawSerializer<byte[]>.Default, cancellationToken)
                .ConfigureAwait(false))
            {
                received++;
                done = message.Metadata?.NumPending == 0;
                if (message.Metadata is not { } metadata || session.Subjects.TryGetReplayFunction(message.Subject, out _))
                {
                    continue;
                }

                if (session.Reader.TryRead(message.Subject, message.Headers, message.Data, metadata.Timestamp, out var wire, out _))
                {
                    events.Add((metadata.Sequence.Stream, wire));
                }
            }

            done |= received == 0;
        }

        return (events, start > state.FirstSeq);
    }
}
