using System.Globalization;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.DeadLetters;

/// <summary>
/// Reads the dead-letter stream from the start with a short-lived ordered consumer, folding replay markers onto their
/// dead letters. Filtering happens here: a 2.9 server ignores the filter list an ordered consumer sends.
/// </summary>
internal sealed class DeadLetterReader(INatsJSContext js, string stream)
{
    private const int Batch = 256;

    public async ValueTask<IReadOnlyList<DeadLetter>> ReadAllAsync(string? functionId, CancellationToken cancellationToken)
    {
        var info = await js.GetStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var letters = new List<DeadLetter>();
        if (info.Info.State.Messages == 0)
        {
            return letters;
        }

        var consumer = await js.CreateOrderedConsumerAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var replayedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var done = false;
        while (!done)
        {
            var received = 0;
            await foreach (var message in consumer.FetchNoWaitAsync(new NatsJSFetchOpts { MaxMsgs = Batch }, NatsRawSerializer<byte[]>.Default, cancellationToken)
                .ConfigureAwait(false))
            {
                received++;
                var runId = HeaderText.Get(message.Headers, WireHeaders.RunId) ?? "";
                if (HeaderText.Get(message.Headers, DeadLetterHeaders.ReplayedBy) is { } replay)
                {
                    replayedBy[runId] = replay;
                }
                else if (functionId is null || HeaderText.Get(message.Headers, WireHeaders.FunctionId) == functionId)
                {
                    letters.Add(Read(message, runId));
                }

                done = message.Metadata?.NumPending == 0;
            }

            done |= received == 0;
        }

        for (var i = 0; i < letters.Count; i++)
        {
            if (replayedBy.TryGetValue(letters[i].RunId, out var replay))
            {
                letters[i] = letters[i] with { ReplayedBy = replay };
            }
        }

        return letters;
    }

    private static DeadLetter Read(INatsJSMsg<byte[]> message, string runId)
    {
        var headers = message.Headers;
        DateTimeOffset? eventTime = HeaderText.TryGetTime(headers, WireHeaders.EventTime, out var time) ? time : null;
        HeaderText.TryGetTime(headers, WireHeaders.FailedAt, out var failedAt);
        _ = ulong.TryParse(HeaderText.Get(headers, WireHeaders.SourceSequence), NumberStyles.None, CultureInfo.InvariantCulture, out var sourceSequence);
        var functionId = HeaderText.Get(headers, WireHeaders.FunctionId) ?? "";
        return new DeadLetter(
            functionId,
            runId,
            HeaderText.Get(headers, WireHeaders.EventId),
            HeaderText.Get(headers, WireHeaders.EventName),
            eventTime,
            message.Data ?? [],
            HeaderText.Get(headers, WireHeaders.ErrorType) ?? "",
            HeaderText.Get(headers, WireHeaders.Error) ?? "",
            HeaderText.GetInt(headers, WireHeaders.Attempts),
            failedAt,
            HeaderText.Get(headers, WireHeaders.SourceSubject) ?? "",
            sourceSequence,
            TraceHeaders.Read(headers))
        {
            Sequence = message.Metadata?.Sequence.Stream ?? 0,
            Status = HeaderText.Get(headers, WireHeaders.Status) switch
            {
                nameof(RunStatus.Skipped) => RunStatus.Skipped,
                nameof(RunStatus.Cancelled) => RunStatus.Cancelled,
                _ => RunStatus.Failed,
            },
            Reason = HeaderText.Get(headers, WireHeaders.Reason),
            Keys = functionId.Length == 0 ? null : HeaderText.Get(headers, RunHeaders.KeysOf(functionId)),
            AttemptHistory = HeaderText.Get(headers, AttemptHistoryHeader.Name),
        };
    }
}
