using AttrFanout.Stores;
using Polly;

namespace AttrFanout.Engine;

/// <summary>
/// How one function executes: its descriptor, effective settings, attempt pipeline, concurrency slots and the executor
/// of its attempts, shared by all its runs so a run carries none of it.
/// </summary>
internal sealed class FunctionPlan(int index, FunctionDescriptor function, FunctionSettings settings, ResiliencePipeline? pipeline, RunExecutor executor, SharedSlots? sharedSlots, FlowGate? gate = null)
{
    /// <summary>Gets the gate of the function's flow-control rules, or <see langword="null"/> for a function without any.</summary>
    public FlowGate? Gate { get; } = gate;

    /// <summary>Gets the function's position in the catalog, which identifies it to the shared slots.</summary>
    public int Index { get; } = index;

    public FunctionDescriptor Function { get; } = function;

    /// <summary>Gets the descriptor of each of the function's triggers, the first being <see cref="Function"/>.</summary>
    public IReadOnlyList<FunctionDescriptor> Triggers { get; init; } = [function];

    /// <summary>Gets the descriptor of the trigger whose event <paramref name="envelope"/> is; <see cref="Function"/> for a function with one trigger.</summary>
    public FunctionDescriptor TriggerOf(EventEnvelope envelope)
    {
        if (Triggers.Count == 1)
        {
            return Function;
        }

        foreach (var trigger in Triggers)
        {
            if (string.Equals(trigger.EventName, envelope.Name, StringComparison.Ordinal))
            {
                return trigger;
            }
        }

        return Function;
    }

    public FunctionSettings Settings { get; } = settings;

    /// <summary>
    /// Gets the pipeline around each attempt (its timeout, and inside it the app's own pipeline when the function names one),
    /// or <see langword="null"/> when an attempt needs none.
    /// </summary>
    public ResiliencePipeline? Pipeline { get; } = pipeline;

    /// <summary>Gets the function's own concurrency slots.</summary>
    public FunctionSlots Slots { get; } = new(settings.Concurrency);

    /// <summary>Gets the process-wide slots shared fairly between functions, when the process has a limit.</summary>
    public SharedSlots? SharedSlots { get; } = sharedSlots;

    public RunExecutor Executor { get; } = executor;

    /// <summary>
    /// Gets whether an attempt that ends takes the function's next due run itself, keeping its slot: when the store
    /// allows takes from several threads, no process-wide limit has to share slots fairly between functions, and the
    /// function has no flow-control rules (each of its runs passes the gate on its own).
    /// </summary>
    public bool TakesNextRun { get; } = executor.StoreTakesRunsConcurrently && sharedSlots is null && gate is null;

    /// <summary>Gives back one of the function's slots and, when there is a process-wide limit, its shared slot.</summary>
    public void ReleaseSlots()
    {
        SharedSlots?.Release(Index);
        Slots.Release();
    }
}
