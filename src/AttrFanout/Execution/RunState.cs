using AttrFanout.Runtime;
using AttrFanout.Stores;

namespace AttrFanout.Execution;

/// <summary>
/// One delivery of a run while the engine executes its attempt, until the attempt is settled or the run abandoned at
/// shutdown; queued to the thread pool as its own work item, so starting a run allocates nothing more.
/// </summary>
internal sealed class RunState(FunctionPlan plan, RunDelivery delivery, RunExecutor executor, SharedSlots? sharedSlots) : IThreadPoolWorkItem
{
    private int _ended;
    private int _slotsReleased;

    /// <summary>Gets or sets the neighbours of this run in the list of runs executing (<see cref="RunTracker"/>).</summary>
    internal RunState? Previous { get; set; }

    internal RunState? Next { get; set; }

    public FunctionPlan Plan { get; } = plan;

    public RunDelivery Delivery { get; } = delivery;

    /// <summary>Gets the number of this delivery's attempt (1-based).</summary>
    public int Attempt { get; } = delivery.Attempts + 1;

    public bool HasAttemptsLeft => Attempt < Plan.Settings.MaxAttempts;

    /// <summary>Claims the right to settle the attempt; false when shutdown abandoned the run first.</summary>
    public bool TryClaimSettlement() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>Claims the run for release at shutdown; false when its attempt was settled first.</summary>
    public bool TryAbandon() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>Gives back the function's slot (and the shared one) the run holds; once, however often called.</summary>
    public void ReleaseSlots()
    {
        if (Interlocked.Exchange(ref _slotsReleased, 1) == 0)
        {
            Plan.ReleaseSlots(sharedSlots);
        }
    }

    void IThreadPoolWorkItem.Execute() => ExecutionContext.Run(AmbientRun.Context, static state => _ = ((RunState)state!).Execute(), this);

    private ValueTask Execute() => executor.ExecuteAsync(this);
}
