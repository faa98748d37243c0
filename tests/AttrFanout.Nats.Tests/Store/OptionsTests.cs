namespace AttrFanout.Nats.Tests.Store;

public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => new NatsJetStreamOptions().Validate();

    [Theory]
    [InlineData("stream", "bad.name")]
    [InlineData("dead", "SAME")]
    [InlineData("prefix", "a..b")]
    [InlineData("replicas", "7")]
    [InlineData("url", "")]
    [InlineData("ackwait", "0")]
    public void Invalid_settings_are_rejected_with_a_message_naming_them(string setting, string value)
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

        var error = Assert.Throws<AttrFanoutConfigurationException>(options.Validate);
        Assert.StartsWith("NATS JetStream: ", error.Message);
    }

    [Fact]
    public void UseNatsJetStream_rejects_invalid_settings_at_once()
    {
        var error = Assert.Throws<AttrFanoutConfigurationException>(() => new AttrFanoutOptions().UseNatsJetStream("nats://localhost:4222", n => n.Replicas = 0));
        Assert.Contains("Replicas is 0", error.Message);
    }
}
