namespace AttrFanout.Telemetry;

/// <summary>The OpenTelemetry messaging semantic conventions AttrFanout's spans carry beside their own tags.</summary>
internal static class MessagingTags
{
    public const string System = "messaging.system";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string DestinationName = "messaging.destination.name";
    public const string MessageId = "messaging.message.id";
    public const string ConsumerGroupName = "messaging.consumer.group.name";

    public const string SystemName = "attrfanout";
    public const string Send = "send";
    public const string Process = "process";
}
