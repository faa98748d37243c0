using AttrFanout.Nats.Configuration;
using Microsoft.Extensions.Options;

namespace AttrFanout.Nats.Tests.Store;

public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => NatsJetStreamSettings.ThrowIfInvalid(new NatsJetStreamOptions());

    [Theory]
    [InlineData("stream", "bad.name", "AttrFanout:Nats:StreamName")]
    [InlineData("dead", "SAME", "AttrFanout:Nats:DeadLetterStreamName")]
    [InlineData("prefix", "a..b", "AttrFanout:Nats:SubjectPrefix")]
    [InlineData("replicas", "7", "AttrFanout:Nats:Replicas")]
    [InlineData("url", "", "AttrFanout:Nats:Url")]
    [InlineData("ackwait", "0", "AttrFanout:Nats:AckWait")]
    public void Invalid_settings_are_rejected_with_a_message_naming_their_key(string setting, string value, string key)
    {
        var options = new NatsJetStreamOptions();
        switch (setting)
        {
            case "stream": options.StreamName = value; break;
            case "dead": options.StreamName = value; options.DeadLetterStreamName = value; break;
            case "prefix": options.SubjectPrefix = value; break;
            case "replicas": options.Replicas = int.Parse(value); break;
            case "url": options.Url = value; break;
            default: options.AckWait = TimeSpan.FromSeconds(int.Parse(value)); break;
        }

        var error = Assert.Throws<OptionsValidationException>(() => NatsJetStreamSettings.ThrowIfInvalid(options));
        Assert.Contains(key, error.Message);
        Assert.Equal("AttrFanout:Nats", error.OptionsName);
    }
}
