namespace AttrFanout.Nats;

/// <summary>Where the JetStream server keeps the streams.</summary>
public enum NatsStorage
{
    /// <summary>On disk: events and runs survive a server restart.</summary>
    File,

    /// <summary>In memory: faster, lost when the server stops.</summary>
    Memory,
}
