using AttrFanout.Nats.Store;

namespace AttrFanout.Nats.Tests.Store;

public sealed class ServerNamesTests
{
    [Fact]
    public void Servers_are_named_without_their_credentials()
    {
        const string url = "nats://app:s3cret@nats-1:4222, tls://token-xyz@nats-2:4443,nats-3";

        Assert.Equal("nats://nats-1:4222,tls://nats-2:4443,nats://nats-3:4222", ServerNames.Of(url));
        Assert.Equal("can't connect to nats://***@nats-1:4222", ServerNames.Redact("can't connect to nats://app:s3cret@nats-1:4222", url));
    }
}
