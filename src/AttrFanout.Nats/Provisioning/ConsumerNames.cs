namespace AttrFanout.Nats.Provisioning;

/// <summary>
/// Durable consumer names. Function Ids are lowercase, so the uppercase prefixes keep a function's two consumers and the
/// intake consumer apart from every other function's.
/// </summary>
internal static class ConsumerNames
{
    public const string Intake = "INTAKE";

    public static string Function(string functionId) => "F_" + functionId;

    public static string Replay(string functionId) => "R_" + functionId;
}
