namespace AttrFanout.Nats.Provisioning;

/// <summary>
/// Durable consumer names. Function Ids are lowercase, so the uppercase prefixes keep a function's consumers and the
/// intake consumer apart from every other function's, and the uppercase <see cref="TriggerMarker"/> a trigger's consumer
/// apart from another function's.
/// </summary>
internal static class ConsumerNames
{
    public const string Intake = "INTAKE";

    public static string Function(string functionId) => "F_" + functionId;

    public static string Replay(string functionId) => "R_" + functionId;

    /// <summary>What separates a function's Id from its trigger's hash in the name of the consumer of a later trigger.</summary>
    public const string TriggerMarker = "_T";

    /// <summary>
    /// The consumer of a function's trigger <paramref name="index"/>: the first keeps <see cref="Function"/>'s name, so a
    /// function that gains a trigger keeps its consumer; a later one is named by a hash of its event name, so reordering the
    /// later attributes keeps their consumers too.
    /// </summary>
    public static string Trigger(string functionId, string eventName, int index) =>
        index == 0 ? Function(functionId) : Function(functionId) + TriggerMarker + EventHash(eventName);

    /// <summary>The first 8 bytes of the SHA-256 of the event name, in uppercase hex.</summary>
    private static string EventHash(string eventName) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventName)), 0, 8);
}
