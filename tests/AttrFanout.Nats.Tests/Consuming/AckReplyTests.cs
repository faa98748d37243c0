using AttrFanout.Nats.Consuming;

namespace AttrFanout.Nats.Tests.Consuming;

public sealed class AckReplyTests
{
    private static readonly DateTimeOffset Stored = DateTimeOffset.FromUnixTimeMilliseconds(1_795_851_426_103).AddTicks(9316);

    [Theory]
    [InlineData("$JS.ACK.ATTRFANOUT.F_send-email.3.42.40.1795851426103931666.7")]
    [InlineData("$JS.ACK._.a1b2c3.ATTRFANOUT.F_send-email.3.42.40.1795851426103931666.7")]
    [InlineData("$JS.ACK.hub.a1b2c3.ATTRFANOUT.F_send-email.3.42.40.1795851426103931666.7.k3Xq9")]
    [InlineData("$JS.ACK.hub.a1b2c3.ATTRFANOUT.F_send-email.3.42.40.1795851426103931666.7.k3Xq9.future")]
    [InlineData("$JS.ACK.hub.a1b2c3.ATTRFANOUT.F_send-email.3.42.40.1795851426103931666.7.k3Xq9.future.tokens")]
    public void Reads_the_delivery_from_each_form_of_ack_subject(string replyTo)
    {
        Assert.True(AckReply.TryParse(replyTo, ["R_send-email", "F_send-email"], out var reply));

        Assert.Equal("F_send-email", reply.Consumer);
        Assert.Equal(42UL, reply.StreamSequence);
        Assert.Equal(3, reply.DeliveryCount);
        Assert.Equal(Stored, reply.StoredAt);
    }

    [Fact]
    public void An_unknown_consumer_name_is_read_as_is()
    {
        Assert.True(AckReply.TryParse("$JS.ACK.S.C.1.5.5.0.0", [], out var reply));

        Assert.Equal("C", reply.Consumer);
        Assert.Equal(5UL, reply.StreamSequence);
        Assert.Equal(DateTimeOffset.UnixEpoch, reply.StoredAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("_INBOX.abc.1")]
    [InlineData("$JS.ACK.S.C.1.5.5.0")]
    [InlineData("$JS.ACK.S.C.x.5.5.0.0")]
    [InlineData("$JS.ACK.S.C.1.-5.5.0.0")]
    [InlineData("$JS.ACK.a.b.c.d.e.f.g.h.i.j.k.l.m")]
    public void Anything_else_is_not_an_ack_subject(string replyTo) =>
        Assert.False(AckReply.TryParse(replyTo, [], out _));
}
