using System.Text;
using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.Transport;

[Collection(NatsCollection.Name)]
public sealed class DeadLetterTests(NatsServerFixture server)
{
    private static readonly AttrFanout.Stores.PropagatedContext Trace = new([
        new("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
        new("tracestate", "rojo=00f067aa0ba902b7"),
        new("baggage", "tenant=t-1"),
    ]);

    [Fact]
    public async Task Dead_letters_are_stored_once_read_back_with_their_error_and_marked_replayed()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var failedAt = new DateTimeOffset(2026, 11, 28, 5, 30, 0, TimeSpan.Zero);
        var letter = new DeadLetter(
            "send-email", "12-send-email", "evt-1", "user/signup", failedAt.AddMinutes(-1), Encoding.UTF8.GetBytes("{\"a\":1}"),
            "System.InvalidOperationException", "smtp down\nline two", 5, failedAt, nats.Subjects.Event("user/signup"), 12, Trace);

        await nats.DeadLetters.WriteAsync(letter, CancellationToken.None);
        await nats.DeadLetters.WriteAsync(letter, CancellationToken.None);

        var read = Assert.Single(await nats.DeadLetterReader.ReadAllAsync(null, CancellationToken.None));
        Assert.Equal("send-email", read.FunctionId);
        Assert.Equal("12-send-email", read.RunId);
        Assert.Equal("evt-1", read.EventId);
        Assert.Equal("user/signup", read.EventName);
        Assert.Equal("smtp down line two", read.ErrorMessage);
        Assert.Equal("System.InvalidOperationException", read.ErrorType);
        Assert.Equal(5, read.Attempts);
        Assert.Equal(failedAt, read.FailedAt);
        Assert.Equal(12UL, read.SourceSequence);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(read.Payload.Span));
        Assert.Null(read.ReplayedBy);
        Assert.Equal(Trace.Fields, read.Trace!.Fields);

        await nats.DeadLetters.MarkReplayedAsync("send-email", "12-send-email", "r-2", CancellationToken.None);

        Assert.Single(await nats.DeadLetterReader.ReadAllAsync("send-email", CancellationToken.None));
        Assert.Equal("r-2", Assert.Single(await nats.DeadLetterReader.ReadAllAsync(null, CancellationToken.None)).ReplayedBy);
        Assert.Empty(await nats.DeadLetterReader.ReadAllAsync("other", CancellationToken.None));
    }
}
