using AttrFanout.Nats.Retries;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Tests.Wire;

/// <summary>The attempts a run carries between its attempts: bounded so they always fit in a header, and read back as written.</summary>
public sealed class AttemptHistoryHeaderTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_latest_attempts_travel_in_one_ascii_line_with_long_texts_cut_and_read_back_in_order()
    {
        IReadOnlyList<RunAttempt> history = [];
        for (var number = 1; number <= AttemptHistoryHeader.Limit + 5; number++)
        {
            history = AttemptHistoryHeader.Append(history, Failed(number, message: $"attempt {number} <é> fails\nline two", stackTrace: new string('x', 20_000)));
        }

        var encoded = AttemptHistoryHeader.Encode(history)!;
        var decoded = AttemptHistoryHeader.Decode(encoded);

        Assert.DoesNotContain('\n', encoded);
        Assert.True(encoded.All(static c => c < 128), "the header is ASCII");
        Assert.InRange(encoded.Length, 1, AttemptHistoryHeader.Limit * (AttemptHistoryHeader.TextLimit * 2 + 400));
        Assert.Equal(Enumerable.Range(6, AttemptHistoryHeader.Limit), decoded.Select(static a => a.Number));
        var last = decoded[^1];
        Assert.Equal("attempt 15 <é> fails\nline two", last.ErrorMessage);
        Assert.Equal(AttemptHistoryHeader.TextLimit, last.StackTrace!.Length);
        Assert.EndsWith(RunAttempt.CutMark, last.StackTrace, StringComparison.Ordinal);
        Assert.Equal((Start.AddSeconds(15), Start.AddSeconds(16), RunAttemptOutcome.FailedWillRetry, "System.InvalidOperationException"), (last.StartedAt, last.EndedAt, last.Outcome, last.ErrorType));
    }

    [Fact]
    public void A_waiting_run_keeps_its_attempts_through_the_retry_bucket_and_unreadable_text_reads_as_none()
    {
        var history = AttemptHistoryHeader.Encode([Failed(1, "boom", "at F()")]);
        var waiting = new WaitingRun("f", "1-f", 1, new WireEvent("e-1", "test/ping", Start, "{}"u8.ToArray(), null), History: history);

        var read = WaitingRun.Decode(waiting.Encode())!;

        Assert.Equal(history, read.History);
        Assert.Equal("boom", Assert.Single(read.Attempts).ErrorMessage);
        Assert.Empty(AttemptHistoryHeader.Decode("not json"));
        Assert.Empty(AttemptHistoryHeader.Decode("[{\"n\":0}]"));
        Assert.Null(AttemptHistoryHeader.Encode([]));
    }

    private static RunAttempt Failed(int number, string message, string stackTrace) =>
        new(number, Start.AddSeconds(number), Start.AddSeconds(number + 1), RunAttemptOutcome.FailedWillRetry)
        {
            ErrorType = typeof(InvalidOperationException).FullName,
            ErrorMessage = message,
            StackTrace = stackTrace,
        };
}
