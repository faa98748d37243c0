using AttrFanout.Runtime;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AttrFanout.Execution;

/// <summary>
/// Executes one run through its function's pipeline and reports every outcome to the store. A handler's exception
/// ends in the run's outcome, never in the caller.
/// </summary>
internal sealed class RunExecutor(
    IServiceScopeFactory scopes,
    IFanoutStore store,
    TimeProvider time,
    ILogger logger,
    EngineLifetime lifetime,
    AttrFanoutOptions options,
    RunCompletions completions,
    Func<FunctionFailed, CancellationToken, ValueTask> publishFailure)
{
    public CancellationToken AbortToken => lifetime.Abort;

    /// <summary>
    /// Executes <paramref name="delivery"/>; disposes <paramref name="slots"/> as soon as its function no longer executes,
    /// before the outcome is recorded, so a store's commit or acknowledgement latency does not hold a concurrency slot.
    /// </summary>
    public async Task ExecuteAsync(FunctionPlan plan, RunDelivery delivery, IDisposable slots)
    {
        var state = new RunState(this, plan, delivery);
        var startedAt = time.GetTimestamp();
        FanoutMetrics.Add(FanoutMetrics.RunsStarted, FanoutTags.Function, delivery.FunctionId);
        if (FanoutMetrics.QueueWait.Enabled)
        {
            FanoutMetrics.Record(FanoutMetrics.QueueWait, time.GetUtcNow() - delivery.DueAt, delivery.FunctionId);
        }
        try
        {
            var error = await RunPipelineAsync(state).ConfigureAwait(false);
            slots.Dispose();
            await RecordOutcomeAsync(state, error).ConfigureAwait(false);
        }
        catch (Exception engineError)
        {
            Log.EngineError(logger, delivery.FunctionId, engineError);
        }
        finally
        {
            slots.Dispose();
            FanoutMetrics.Record(FanoutMetrics.RunDuration, time.GetElapsedTime(startedAt), delivery.FunctionId);
        }
    }

    public ValueTask OnRetryAsync(OnRetryArguments<object> args)
    {
        if (!args.Context.Properties.TryGetValue(RunState.Key, out var state) || args.Outcome.Exception is not { } error)
        {
            return ValueTask.CompletedTask;
        }

        var delivery = state.Delivery;
        Log.AttemptFailed(logger, delivery.FunctionId, state.Attempt, delivery.Event.Id, delivery.RunId, args.RetryDelay, error);
        FanoutMetrics.Add(FanoutMetrics.RunsRetried, FanoutTags.Function, delivery.FunctionId);
        var now = time.GetUtcNow();
        state.LastError = error;
        return ReportAsync(state, RunOutcome.RetryScheduled(delivery.RunId, state.Attempt, now, now + args.RetryDelay, error));
    }

    private async Task<Exception?> RunPipelineAsync(RunState state)
    {
        var context = ResilienceContextPool.Shared.Get(lifetime.Abort);
        context.Properties.Set(RunState.Key, state);
        try
        {
            await state.Plan.Pipeline.ExecuteAsync(static (ctx, s) => s.Executor.AttemptAsync(ctx, s), context, state).ConfigureAwait(false);
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task RecordOutcomeAsync(RunState state, Exception? error)
    {
        var delivery = state.Delivery;
        var now = time.GetUtcNow();
        if (error is null)
        {
            await ReportAsync(state, RunOutcome.Succeeded(delivery.RunId, state.Attempt, now)).ConfigureAwait(false);
            FanoutMetrics.Add(FanoutMetrics.RunsSucceeded, FanoutTags.Function, delivery.FunctionId);
        }
        else if (error is ShutdownInterruptedException || lifetime.Abort.IsCancellationRequested)
        {
            await ReportAsync(state, RunOutcome.Released(delivery.RunId, state.FinishedAttempts, now)).ConfigureAwait(false);
        }
        else if (!store.RetriesInProcess && RetryClassifier.ShouldRetry(error, state, lifetime.Abort))
        {
            var delay = RedeliveryBackoff.Next(state.Attempt, error, options);
            Log.AttemptFailed(logger, delivery.FunctionId, state.Attempt, delivery.Event.Id, delivery.RunId, delay, error);
            await ReportAsync(state, RunOutcome.RetryScheduled(delivery.RunId, state.Attempt, now, now + delay, error)).ConfigureAwait(false);
            FanoutMetrics.Add(FanoutMetrics.RunsRetried, FanoutTags.Function, delivery.FunctionId);
        }
        else
        {
            await FailAsync(state, error).ConfigureAwait(false);
        }
    }

    private async ValueTask AttemptAsync(ResilienceContext context, RunState state)
    {
        if (lifetime.Stopping.IsCancellationRequested)
        {
            throw new ShutdownInterruptedException();
        }

        state.Attempt++;
        state.AttemptFinished = false;
        lifetime.AttemptStarted();
        var delivery = state.Delivery;
        var activity = FanoutActivities.StartAttempt(delivery, state.Attempt);
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var services = scope.ServiceProvider;
                var functionContext = new FunctionContext(
                    delivery.RunId, delivery.FunctionId, delivery.Event.Id, delivery.Event.Name, state.Attempt, state.Plan.Settings.MaxAttempts, services);
                await state.Plan.Function.InvokeAsync(services, delivery.Event, functionContext, context.CancellationToken).ConfigureAwait(false);
            }

            state.AttemptFinished = true;
            FanoutActivities.Finish(activity, "succeeded");
        }
        catch (Exception error)
        {
            var outcome = lifetime.Abort.IsCancellationRequested ? "cancelled"
                : context.CancellationToken.IsCancellationRequested ? "timeout"
                : "failed";
            state.AttemptFinished = !lifetime.Abort.IsCancellationRequested;
            FanoutActivities.Finish(activity, outcome, error);
            throw;
        }
        finally
        {
            lifetime.AttemptEnded();
        }
    }

    private async Task FailAsync(RunState state, Exception error)
    {
        var delivery = state.Delivery;
        var failedAt = time.GetUtcNow();
        Log.RunFailed(logger, delivery.FunctionId, delivery.Event.Id, state.Attempt, delivery.RunId, error);
        FanoutMetrics.Add(FanoutMetrics.RunsFailed, FanoutTags.Function, delivery.FunctionId);
        await ReportAsync(state, RunOutcome.Failed(delivery.RunId, state.Attempt, failedAt, error)).ConfigureAwait(false);
        if (string.Equals(delivery.Event.Name, FunctionFailed.Name, StringComparison.Ordinal))
        {
            return;
        }

        var failure = new FunctionFailed(
            delivery.FunctionId, delivery.RunId, delivery.Event.Id, delivery.Event.Name, state.Attempt, error.GetType().FullName ?? error.GetType().Name, error.Message, failedAt);
        try
        {
            await publishFailure(failure, lifetime.Abort).ConfigureAwait(false);
        }
        catch (Exception publishError)
        {
            Log.FailureEventNotSent(logger, delivery.RunId, delivery.FunctionId, publishError);
        }
    }

    private async ValueTask ReportAsync(RunState state, RunOutcome outcome)
    {
        await store.ReportAsync(outcome, CancellationToken.None).ConfigureAwait(false);
        if (outcome.Kind is RunOutcomeKind.Succeeded or RunOutcomeKind.Failed)
        {
            await completions.NotifyAsync(state, outcome).ConfigureAwait(false);
        }
    }
}
