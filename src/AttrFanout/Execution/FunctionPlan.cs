using Polly;

namespace AttrFanout.Execution;

/// <summary>How one function executes: its descriptor, effective settings, resilience pipeline and concurrency slots.</summary>
internal sealed class FunctionPlan(FunctionDescriptor function, FunctionSettings settings, ResiliencePipeline pipeline)
{
    public FunctionDescriptor Function { get; } = function;

    public FunctionSettings Settings { get; } = settings;

    public ResiliencePipeline Pipeline { get; } = pipeline;

    /// <summary>Gets the function's own concurrency slots, or <see langword="null"/> when only the global limit applies.</summary>
    public SemaphoreSlim? Slots { get; } = settings.Concurrency is { } limit ? new SemaphoreSlim(limit, limit) : null;
}
