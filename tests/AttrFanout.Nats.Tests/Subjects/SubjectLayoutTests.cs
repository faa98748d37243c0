using AttrFanout.Nats.Subjects;

namespace AttrFanout.Nats.Tests.Subjects;

public sealed class SubjectLayoutTests
{
    private readonly SubjectLayout _layout = new("shop.fanout");

    [Fact]
    public void Event_subjects_read_back_as_their_event_name()
    {
        var subject = _layout.Event("attrfanout/function.failed");
        Assert.Equal("shop.fanout.events.attrfanout.function_2Efailed", subject);
        Assert.True(_layout.TryGetEventName(subject, out var name));
        Assert.Equal("attrfanout/function.failed", name);
    }

    [Fact]
    public void Routed_subjects_read_back_as_their_event_name()
    {
        var subject = _layout.Routed("attrfanout/function.failed");
        Assert.Equal("shop.fanout.routed.attrfanout.function_2Efailed", subject);
        Assert.True(_layout.TryGetEventName(subject, out var name));
        Assert.Equal("attrfanout/function.failed", name);
        Assert.Equal("shop.fanout.routed.>", _layout.AllRouted);
    }

    [Theory]
    [InlineData("shop.fanout.replay.send-email")]
    [InlineData("shop.fanout.events")]
    [InlineData("shop.fanout.routed")]
    [InlineData("shop.fanout.dead.user.signup")]
    [InlineData("other.events.user.signup")]
    [InlineData("shop.fanout.events.user..signup")]
    public void Other_subjects_carry_no_event_name(string subject) =>
        Assert.False(_layout.TryGetEventName(subject, out _));

    [Fact]
    public void Replay_and_dead_letter_subjects_are_per_function()
    {
        Assert.Equal("shop.fanout.replay.send-email", _layout.Replay("send-email"));
        Assert.Equal("shop.fanout.dead.send-email", _layout.DeadLetter("send-email"));
        Assert.True(_layout.TryGetReplayFunction(_layout.Replay("send-email"), out var functionId));
        Assert.Equal("send-email", functionId);
        Assert.NotEqual(_layout.Unroutable, _layout.DeadLetter("unroutable"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.*")]
    [InlineData("a b")]
    [InlineData("a.")]
    public void Invalid_prefixes_are_rejected(string prefix) =>
        Assert.Throws<ArgumentException>(() => new SubjectLayout(prefix));

    [Fact]
    public void Invalid_function_ids_are_rejected() =>
        Assert.Throws<ArgumentException>(() => _layout.Replay("Send.Email"));
}
