using AttrFanout.Stores;

namespace AttrFanout.Execution;

/// <summary>
/// One delivery of a run while the engine executes its attempt, until the attempt is settled or the run abandoned at
/// shutdown; queued to the thread pool as its own work item, so starting a run allocates nothing more.
/// </summary>
internal sealed class RunState(FunctionPlan plan, RunDelivery delivery, RunExecutor executor, IDisposable slots) : IThreadPoolWorkItem
{
    private int _ended;

    public IDisposable Slots { get; } = slots;

    public FunctionPlan Plan { get; } = plan;

    public RunDelivery Delivery { get; } = delivery;

    /// <summary>Gets the number of this delivery's attempt (1-based).</summary>
    public int Attempt { get; } = delivery.Attempts + 1;

    public bool HasAttemptsLeft => Attempt < Plan.Settings.MaxAttempts;

    /// <summary>Claims the right to settle the attempt; false when shutdown abandoned the run first.</summary>
    public bool TryClaimSettlement() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>Claims the run for release at shutdown; false when its attempt was settled first.</summary>
    public bool TryAbandon() => Interlocked.Exchange(ref _ended, 1) == 0;

    void IThreadPoolWorkItem.Execute() => _ = executor.ExecuteAsync(this);
}
