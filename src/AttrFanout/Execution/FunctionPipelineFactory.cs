using Polly;
using Polly.Retry;

namespace AttrFanout.Execution;

/// <summary>
/// Builds the resilience pipeline of one function: retries with exponential backoff and jitter (when the store
/// retries in process) around a per-attempt timeout.
/// </summary>
internal static class FunctionPipelineFactory
{
    public static ResiliencePipeline Create(
        string functionId,
        FunctionSettings settings,
        AttrFanoutOptions options,
        bool retriesInProcess,
        TimeProvider time,
        Func<OnRetryArguments<object>, ValueTask> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time, Name = "AttrFanout", InstanceName = functionId };
        if (retriesInProcess && settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = static args => RetryClassifier.ShouldRetry(args.Context, args.Outcome.Exception),
                DelayGenerator = static args => ValueTask.FromResult(RetryClassifier.RequestedDelay(args.Outcome.Exception)),
                OnRetry = onRetry,
            });
        }

        if (settings.Timeout is { } timeout)
        {
            builder.AddTimeout(timeout);
        }

        return builder.Build();
    }
}
