using Polly;

namespace AttrFanout.Execution;

/// <summary>Decides whether a failed attempt may be retried, and after which delay when the function asked for one.</summary>
internal static class RetryClassifier
{
    public static bool ShouldRetry(Exception? error, RunState state, CancellationToken runToken) =>
        error is not null
        && error is not NonRetriableException
        && error is not ShutdownInterruptedException
        && !(error is OperationCanceledException && runToken.IsCancellationRequested)
        && state.HasAttemptsLeft;

    public static ValueTask<bool> ShouldRetry(ResilienceContext context, Exception? error) =>
        ValueTask.FromResult(
            context.Properties.TryGetValue(RunState.Key, out var state)
            && ShouldRetry(error, state, state.Executor.AbortToken));

    public static TimeSpan? RequestedDelay(Exception? error) => error is RetryAfterException retryAfter ? retryAfter.RetryAfter : null;
}
