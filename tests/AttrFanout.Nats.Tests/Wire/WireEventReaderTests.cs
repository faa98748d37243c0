using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;

namespace AttrFanout.Nats.Tests.Wire;

public sealed class WireEventReaderTests
{
    private static readonly SubjectLayout Layout = new("shop");
    private static readonly DateTimeOffset StoredAt = new(2026, 12, 6, 13, 45, 10, 250, TimeSpan.Zero);

    [Fact]
    public void An_event_without_an_event_time_gets_the_time_the_server_stored_it()
    {
        var headers = new NatsHeaders { [WireHeaders.MessageId] = "evt-1" };

        Assert.True(new WireEventReader(Layout).TryRead(Layout.Event("order/paid"), headers, [], StoredAt, out var wireEvent, out var error), error);

        Assert.Equal(StoredAt, wireEvent.Timestamp);
        Assert.Equal("evt-1", wireEvent.Id);
    }

    [Theory]
    [InlineData("2026-12-06T13:45:00.1234567+00:00", "2026-12-06T13:45:00.1234567+00:00")]
    [InlineData("2026-12-06T13:45:00.123Z", "2026-12-06T13:45:00.1230000+00:00")]
    [InlineData("2026-12-06T13:45:00Z", "2026-12-06T13:45:00.0000000+00:00")]
    [InlineData("2026-12-06T14:45:00.123456+01:00", "2026-12-06T13:45:00.1234560+00:00")]
    public void An_event_time_is_read_as_ISO_8601_with_an_offset_as_other_languages_write_it(string header, string expected)
    {
        var headers = new NatsHeaders { [WireHeaders.MessageId] = "evt-1", [WireHeaders.EventTime] = header };

        Assert.True(new WireEventReader(Layout).TryRead(Layout.Event("order/paid"), headers, [], StoredAt, out var wireEvent, out var error), error);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), wireEvent.Timestamp);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-12-06T13:45:00")]
    [InlineData("2026-12-06 13:45:00Z")]
    [InlineData("1765028700")]
    [InlineData("2026-12-06T13:45:00.123456789Z")]
    [InlineData("")]
    public void An_event_time_that_cannot_be_read_makes_the_message_invalid_with_the_header_named(string header)
    {
        var headers = new NatsHeaders { [WireHeaders.MessageId] = "evt-1", [WireHeaders.EventTime] = header };

        Assert.False(new WireEventReader(Layout).TryRead(Layout.Event("order/paid"), headers, [], StoredAt, out _, out var error));

        Assert.Contains($"malformed 'AttrFanout-Event-Time' header '{header}'", error);
        Assert.Contains("ISO 8601", error);
    }
}
