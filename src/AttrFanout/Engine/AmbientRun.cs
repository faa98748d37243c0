using System.Runtime.CompilerServices;

namespace AttrFanout.Engine;

/// <summary>
/// Tells a send whether it is made from inside an executing attempt, where waiting for queue room could wait on itself,
/// and, while an <see cref="IEventObserver"/> listens, from which run.
/// </summary>
internal static class AmbientRun
{
    private static readonly AsyncLocal<bool> Inside = new();
    private static readonly AsyncLocal<string?> Run = new();
    private static ExecutionContext? s_context;

    public static bool IsInside => Inside.Value;

    /// <summary>Gets the run whose attempt is executing, when attempts were entered with <see cref="Enter"/>.</summary>
    public static string? RunId => Run.Value;

    /// <summary>Marks the rest of the current execution context as the attempt of <paramref name="runId"/>; it allocates a context.</summary>
    public static void Enter(string runId) => Run.Value = runId;

    /// <summary>
    /// Gets an execution context that holds only the mark, captured once: attempts run in it, so entering it allocates
    /// nothing per run, and what an attempt sends (from any thread it continues on) is marked.
    /// </summary>
    public static ExecutionContext Context => s_context ??= CaptureMarkedContext();

    private static ExecutionContext CaptureMarkedContext()
    {
        ExecutionContext? marked = null;
        var thread = new Thread(static state =>
        {
            Inside.Value = true;
            ((StrongBox<ExecutionContext?>)state!).Value = ExecutionContext.Capture();
        });
        var box = new StrongBox<ExecutionContext?>();
        thread.UnsafeStart(box);
        thread.Join();
        marked = box.Value;
        return marked ?? throw new InvalidOperationException("The execution context of attempts could not be captured.");
    }
}
