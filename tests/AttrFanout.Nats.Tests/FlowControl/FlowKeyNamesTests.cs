using AttrFanout.Nats.FlowControl;

namespace AttrFanout.Nats.Tests.FlowControl;

public sealed class FlowKeyNamesTests
{
    [Theory]
    [InlineData("c:sync:0:acct.1", "c=3Async=3A0=3Aacct=2E1")]
    [InlineData("42-send_email", "42-send_email")]
    [InlineData("s:f:ключ =x", "s=3Af=3A=D0=BA=D0=BB=D1=8E=D1=87=20=3Dx")]
    [InlineData("", "=")]
    public void Any_name_is_one_key_token_and_reads_back(string name, string escaped)
    {
        Assert.Equal(escaped, FlowKeyNames.Escape(name));
        Assert.Equal(name, FlowKeyNames.Unescape(escaped));
        Assert.Matches("^[A-Za-z0-9_=-]+$", FlowKeyNames.Escape(name));
    }

    [Fact]
    public void Names_that_differ_get_different_entries()
    {
        Assert.NotEqual(FlowKeyNames.Escape("a.b"), FlowKeyNames.Escape("a_b"));
        Assert.NotEqual(FlowKeyNames.Escape("a=2Eb"), FlowKeyNames.Escape("a.b"));
    }
}
