using System.Text;
using AttrFanout.Nats.Publishing;

namespace AttrFanout.Nats.Tests.Publishing;

public sealed class PubAckTests
{
    [Fact]
    public void Reads_a_stored_message()
    {
        Assert.True(PubAck.TryRead("""{"stream":"ATTRFANOUT","domain":"hub","seq":42}"""u8, out var ack));

        Assert.Equal(42UL, ack.Sequence);
        Assert.False(ack.IsDuplicate);
        Assert.Null(ack.Error);
    }

    [Fact]
    public void Reads_a_duplicate()
    {
        Assert.True(PubAck.TryRead("""{"stream":"ATTRFANOUT","seq":7,"duplicate":true}"""u8, out var ack));

        Assert.Equal(7UL, ack.Sequence);
        Assert.True(ack.IsDuplicate);
    }

    [Fact]
    public void Reads_an_error()
    {
        Assert.True(PubAck.TryRead("""{"error":{"code":400,"err_code":10060,"description":"expected stream does not match","extra":[1,{"a":2}]}}"""u8, out var ack));

        Assert.NotNull(ack.Error);
        Assert.Equal(400, ack.Error.Code);
        Assert.Equal(10060, ack.Error.ErrCode);
        Assert.Equal("expected stream does not match", ack.Error.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"seq\":")]
    [InlineData("{\"seq\":\"x\"}")]
    public void Anything_else_is_not_an_acknowledgement(string json) =>
        Assert.False(PubAck.TryRead(Encoding.UTF8.GetBytes(json), out _));
}
