using System.Globalization;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.DeadLetters;

/// <summary>
/// Stores dead letters, and marks one replayed by storing a marker after it (a stream's messages are immutable).
/// A dead letter's message Id is its run's, so writing it twice (a crash between the write and the ack) stores it once.
/// </summary>
internal sealed class DeadLetterWriter(INatsJSContext js, SubjectLayout subjects)
{
    public async ValueTask<ulong> WriteAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders
        {
            [WireHeaders.MessageId] = "dead-" + deadLetter.RunId,
            [WireHeaders.FunctionId] = deadLetter.FunctionId,
            [WireHeaders.RunId] = deadLetter.RunId,
            [WireHeaders.ErrorType] = HeaderText.Line(deadLetter.ErrorType),
            [WireHeaders.Error] = HeaderText.Line(deadLetter.ErrorMessage),
            [WireHeaders.Attempts] = deadLetter.Attempts.ToString(CultureInfo.InvariantCulture),
            [WireHeaders.FailedAt] = HeaderText.Time(deadLetter.FailedAt),
            [WireHeaders.SourceSubject] = deadLetter.SourceSubject,
            [WireHeaders.SourceSequence] = deadLetter.SourceSequence.ToString(CultureInfo.InvariantCulture),
        };
        AddIfSet(headers, WireHeaders.EventId, deadLetter.EventId);
        AddIfSet(headers, WireHeaders.EventName, deadLetter.EventName);
        AddIfSet(headers, WireHeaders.EventTime, deadLetter.EventTime is { } time ? HeaderText.Time(time) : null);
        if (deadLetter.Status != AttrFanout.RunStatus.Failed)
        {
            headers[WireHeaders.Status] = deadLetter.Status.ToString();
        }

        AddIfSet(headers, WireHeaders.Reason, deadLetter.Reason);
        if (deadLetter.Keys is { } keys && deadLetter.FunctionId != SubjectLayout.UnroutableToken)
        {
            headers[RunHeaders.KeysOf(deadLetter.FunctionId)] = keys;
        }

        if (deadLetter.AttemptHistory is { } history)
        {
            headers[AttemptHistoryHeader.Name] = history;
        }

        TraceHeaders.Write(headers, deadLetter.Trace);

        var subject = deadLetter.FunctionId == SubjectLayout.UnroutableToken ? subjects.Unroutable : subjects.DeadLetter(deadLetter.FunctionId);
        return await PublishAsync(subject, deadLetter.Payload, headers, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask MarkReplayedAsync(string functionId, string runId, string replayRunId, CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders
        {
            [WireHeaders.MessageId] = "replayed-" + runId,
            [WireHeaders.RunId] = runId,
            [DeadLetterHeaders.ReplayedBy] = replayRunId,
        };
        await PublishAsync(subjects.DeadLetter(functionId), ReadOnlyMemory<byte>.Empty, headers, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ulong> PublishAsync(string subject, ReadOnlyMemory<byte> body, NatsHeaders headers, CancellationToken cancellationToken)
    {
        var ack = await js.PublishAsync(subject, body, NatsRawSerializer<ReadOnlyMemory<byte>>.Default, headers: headers, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!ack.Duplicate)
        {
            ack.EnsureSuccess();
        }

        return ack.Seq;
    }

    private static void AddIfSet(NatsHeaders headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = HeaderText.Line(value);
        }
    }
}
