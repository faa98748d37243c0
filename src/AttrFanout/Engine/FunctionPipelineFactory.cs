using AttrFanout.Stores;
using Polly;

namespace AttrFanout.Engine;

/// <summary>
/// Builds the pipeline around each attempt of one function: its timeout. Retries are not part of it: a failed attempt
/// is settled as a retry due later, so a run waiting for its retry holds no slot.
/// </summary>
internal static class FunctionPipelineFactory
{
    /// <returns>The pipeline, or <see langword="null"/> when the function's attempts have no timeout.</returns>
    public static ResiliencePipeline? Create(string functionId, FunctionSettings settings, TimeProvider time)
    {
        if (settings.Timeout is not { } timeout)
        {
            return null;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time, Name = "AttrFanout", InstanceName = functionId }
            .AddTimeout(timeout)
            .Build();
    }
}
