namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>Points an app's JetStream options at a test's own streams, as another instance of the same deployment would be.</summary>
internal static class TestStreams
{
    /// <summary>Copies the streams, subject prefix, storage and fetch expiry of <paramref name="test"/> into <paramref name="options"/>.</summary>
    public static NatsJetStreamOptions UseStreamsOf(this NatsJetStreamOptions options, NatsJetStreamOptions test)
    {
        options.StreamName = test.StreamName;
        options.DeadLetterStreamName = test.DeadLetterStreamName;
        options.SubjectPrefix = test.SubjectPrefix;
        options.Storage = test.Storage;
        options.FetchExpiry = test.FetchExpiry;
        return options;
    }
}
