namespace AttrFanout.Runtime;

/// <summary>Tells a send whether it is made from inside an executing attempt, where waiting for queue room could wait on itself.</summary>
internal static class AmbientRun
{
    private static readonly AsyncLocal<bool> Inside = new();

    public static bool IsInside => Inside.Value;

    /// <summary>Marks the current asynchronous flow as inside an attempt; the mark ends with the async method that set it.</summary>
    public static void Enter() => Inside.Value = true;
}
