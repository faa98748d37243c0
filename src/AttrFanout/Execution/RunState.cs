using AttrFanout.Stores;
using Polly;

namespace AttrFanout.Execution;

/// <summary>What one run's attempts share while its pipeline executes.</summary>
internal sealed class RunState(RunExecutor executor, FunctionPlan plan, RunDelivery delivery)
{
    public static readonly ResiliencePropertyKey<RunState> Key = new("AttrFanout.Run");

    public RunExecutor Executor { get; } = executor;

    public FunctionPlan Plan { get; } = plan;

    public RunDelivery Delivery { get; } = delivery;

    /// <summary>Gets or sets the number of the latest attempt started.</summary>
    public int Attempt { get; set; } = delivery.Attempts;

    /// <summary>Gets or sets whether the latest attempt ran to its end (success or failure).</summary>
    public bool AttemptFinished { get; set; } = true;

    /// <summary>Gets or sets the error of the latest failed attempt, which a run that succeeds later still shows.</summary>
    public Exception? LastError { get; set; }

    public int FinishedAttempts => AttemptFinished ? Attempt : Attempt - 1;

    public bool HasAttemptsLeft => Attempt < Plan.Settings.MaxAttempts;
}
