namespace AttrFanout.Testing;

/// <summary>What the harness reads off a run's status.</summary>
internal static class RunStates
{
    public static bool IsFinal(FunctionRun run) => run.Status is RunStatus.Succeeded or RunStatus.Failed;

    /// <summary>Whether the run failed for good and the engine sends <c>attrfanout/function.failed</c> for it.</summary>
    public static bool SendsFailureEvent(FunctionRun run) =>
        run.Status == RunStatus.Failed && !string.Equals(run.EventName, FunctionFailed.Name, StringComparison.Ordinal);

    public static string Describe(FunctionRun run) => $"{run.FunctionId} ({run.Status}, {run.Attempts} attempts)";
}
