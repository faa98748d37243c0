using AttrFanout.Stores;
using Polly;

namespace AttrFanout.Engine;

/// <summary>
/// Builds the pipeline around each attempt of one function: its timeout, and inside it the app's own pipeline when the
/// function names one. Retries are not part of it: a failed attempt is settled as a retry due later, so a run waiting for
/// its retry holds no slot.
/// </summary>
internal static class FunctionPipelineFactory
{
    /// <param name="functionId">The function's Id, the pipeline's instance name in telemetry.</param>
    /// <param name="settings">The function's effective settings (its timeout).</param>
    /// <param name="appPipeline">The app's pipeline the function names, already resolved, or <see langword="null"/>.</param>
    /// <param name="time">The clock of the timeout.</param>
    /// <returns>The pipeline, or <see langword="null"/> when the function's attempts have neither a timeout nor a pipeline of the app's.</returns>
    public static ResiliencePipeline? Create(string functionId, FunctionSettings settings, ResiliencePipeline? appPipeline, TimeProvider time)
    {
        if (settings.Timeout is not { } timeout)
        {
            return appPipeline;
        }

        var builder = new ResiliencePipelineBuilder { TimeProvider = time, Name = "AttrFanout", InstanceName = functionId }.AddTimeout(timeout);
        if (appPipeline is not null)
        {
            builder.AddPipeline(appPipeline);
        }

        return builder.Build();
    }
}
