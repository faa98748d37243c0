using AttrFanout.Runs;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;

namespace AttrFanout.Engine;

/// <summary>
/// Executes one attempt of a delivered run and settles it: succeeded, retry at a due time, failed, or released at
/// shutdown. It is the one place that decides a run's fate, whatever the store; a handler's exception ends in the
/// settlement, never in the caller.
/// </summary>
internal sealed class RunExecutor(
    RunTracker tracker,
    IServiceScopeFactory scopes,
    IFanoutStore store,
    TimeProvider time,
    ILogger logger,
    EngineLifetime lifetime,
    AttrFanoutOptions options,
    RunCompletions completions,
    FailureThrottle failures,
    Func<FunctionFailed, System.Diagnostics.ActivityContext, CancellationToken, ValueTask> publishFailure,
    bool logScopes,
    bool attributesSends = false,
    bool cancellableAttempts = false,
    Func<FunctionSkipped, System.Diagnostics.ActivityContext, CancellationToken, ValueTask>? publishSkipped = null,
    Triggers.HoldIntake? holds = null)
{
    /// <summary>Gets whether each attempt gets a token of its own, so a cancellation request stops it alone (the store can cancel runs).</summary>
    public bool CancellableAttempts { get; } = cancellableAttempts;

    /// <summary>Gets whether attempts carry their run, so the events they send name it (an <see cref="IEventObserver"/> listens).</summary>
    public bool AttributesSends { get; } = attributesSends;

    /// <summary>Gets the factory of the attempts' DI scopes.</summary>
    public IServiceScopeFactory Scopes { get; } = scopes;

    /// <summary>
    /// Starts the attempt of <paramref name="state"/> on the thread pool: the worker goes on taking runs while it executes,
    /// and a handler that blocks its thread holds back nothing but its own slot.
    /// </summary>
    public void Start(RunState state)
    {
        tracker.Started(state);
        ThreadPool.UnsafeQueueUserWorkItem(state, preferLocal: false);
    }

    /// <summary>Gets whether the store lets an ending attempt take its function's next run (<see cref="IFanoutStore.TakesRunsConcurrently"/>).</summary>
    public bool StoreTakesRunsConcurrently => store.TakesRunsConcurrently;

    /// <summary>
    /// Executes the attempt of <paramref name="state"/> and, where the function takes its next run itself
    /// (<see cref="FunctionPlan.TakesNextRun"/>), the function's next due runs one after another with the same slot,
    /// yielding the thread every <see cref="RunsPerTurn"/> runs; a run that waits asynchronously leaves the others to the worker.
    /// </summary>
    public async ValueTask ExecuteAsync(RunState state)
    {
        var turn = 0;
        while (true)
        {
            if (AttributesSends)
            {
                AmbientRun.Enter(state.RunId);
            }

            var takesNext = state.Plan.TakesNextRun;
            await ExecuteOneAsync(state, keepSlots: takesNext).ConfigureAwait(false);
            if (!takesNext || await TakeNextAsync(state).ConfigureAwait(false) is not { } next)
            {
                return;
            }

            state = next;
            if (++turn == RunsPerTurn)
            {
                turn = 0;
                await Task.Yield();
            }
        }
    }

    /// <summary>Stops tracking a run that ended, unless its function's next run takes its place (<see cref="TakeNextAsync"/>).</summary>
    private void EndTracking(RunState state, bool takesNext)
    {
        if (!takesNext)
        {
            tracker.Ended(state);
        }
    }

    /// <summary>How many runs one thread executes back to back before it lets other work have it.</summary>
    internal const int RunsPerTurn = 16;

    /// <summary>
    /// Executes one attempt; gives its slots back as soon as the handler returns, before the settlement is recorded (so a
    /// store's commit or acknowledgement latency does not hold a slot), unless <paramref name="keepSlots"/> keeps them for
    /// the function's next run. Allocates nothing of its own when the handler and the store complete synchronously.
    /// </summary>
    private ValueTask ExecuteOneAsync(RunState state, bool keepSlots) =>
        state.Delivery.CancelReason is { } cancelled ? SettleCancelledOnDeliveryAsync(state, cancelled, keepSlots)
        : holds?.RuleFor(state.Delivery) is { } hold ? ExecuteHeldAsync(state, hold, keepSlots)
        : state.Plan.Gate is null ? ExecuteUngatedAsync(state, keepSlots)
        : ExecuteGatedAsync(state, state.Plan.Gate);

    /// <summary>Settles a run the store delivered already cancelled by an event (<see cref="RunDelivery.CancelReason"/>), without an attempt.</summary>
    private async ValueTask SettleCancelledOnDeliveryAsync(RunState state, string reason, bool keepSlots)
    {
        try
        {
            state.ReleaseSlots();
            if (state.TryClaimSettlement())
            {
                await SettleCancelledAsync(state, state.Delivery.Attempts, reason).ConfigureAwait(false);
            }
        }
        catch (Exception engineError)
        {
            Log.EngineFailure(logger, failures, "store (recording outcomes)", state.Delivery.FunctionId, engineError);
        }
        finally
        {
            EndTracking(state, keepSlots);
        }
    }

    /// <summary>
    /// Adds the run's event to its debounce or batch instead of calling the handler, and ends the run skipped with a reason
    /// naming the hold: not an attempt, not a failure. A store that fails defers the run briefly.
    /// </summary>
    private async ValueTask ExecuteHeldAsync(RunState state, Triggers.HoldRule hold, bool keepSlots)
    {
        var delivery = state.Delivery;
        try
        {
            string? reason = null;
            Exception? failure = null;
            try
            {
                reason = await holds!.HoldAsync(hold, delivery, lifetime.Stopping).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !lifetime.Stopping.IsCancellationRequested)
            {
                failure = error;
            }
            finally
            {
                if (!keepSlots)
                {
                    state.ReleaseSlots();
                }
            }

            if (!state.TryClaimSettlement())
            {
                return;
            }

            var now = time.GetUtcNow();
            if (reason is not null)
            {
                Log.RunSkipped(logger, delivery.FunctionId, delivery.RunId, delivery.Event.Id, reason);
                FanoutMetrics.AddWithReason(FanoutMetrics.RunsSkipped, delivery.FunctionId, hold.Kind);
                await ReportAsync(state, RunOutcome.Skipped(delivery.RunId, delivery.Attempts, now, reason)).ConfigureAwait(false);
            }
            else if (failure is PayloadSerializationException)
            {
                await SettleFailureAsync(state, failure, AttemptStart.Now(time)).ConfigureAwait(false);
            }
            else if (failure is null)
            {
                await SettleFailureAsync(state, new ShutdownInterruptedException(), AttemptStart.Now(time)).ConfigureAwait(false);
            }
            else
            {
                Log.EngineFailure(logger, failures, $"store (holding events for {hold.Attribute})", delivery.FunctionId, failure);
                await ReportAsync(state, RunOutcome.Deferred(delivery.RunId, delivery.Attempts, now, now + FlowRecheck.First, $"{hold.Attribute} hold unavailable: {failure.GetType().Name}")).ConfigureAwait(false);
            }
        }
        catch (Exception engineError)
        {
            Log.EngineFailure(logger, failures, "store (recording outcomes)", delivery.FunctionId, engineError);
        }
        finally
        {
            EndTracking(state, keepSlots);
        }
    }

    private async ValueTask ExecuteUngatedAsync(RunState state, bool keepSlots)
    {
        var delivery = state.Delivery;
        var startedAt = AttemptStart.Now(time);
        try
        {
            CountStart(delivery, startedAt);

            Exception? error;
            try
            {
                error = delivery.Poison ?? await AttemptAsync(state).ConfigureAwait(false);
            }
            finally
            {
                if (!keepSlots)
                {
                    state.ReleaseSlots();
                }
            }

            if (state.TryClaimSettlement())
            {
                await SettleAsync(state, error, startedAt).ConfigureAwait(false);
            }
        }
        catch (Exception engineError)
        {
            Log.EngineFailure(logger, failures, "store (recording outcomes)", delivery.FunctionId, engineError);
        }
        finally
        {
            startedAt.RecordDuration(time, delivery.FunctionId);
            EndTracking(state, keepSlots);
        }
    }

    /// <summary>Counts an attempt starting at <paramref name="startedAt"/>: a run's first in the started runs, each in the queue wait.</summary>
    private static void CountStart(RunDelivery delivery, AttemptStart startedAt)
    {
        if (delivery.Attempts == 0)
        {
            FanoutMetrics.Add(FanoutMetrics.RunsStarted, FanoutTags.Function, delivery.FunctionId);
        }

        if (FanoutMetrics.QueueWait.Enabled)
        {
            FanoutMetrics.Record(FanoutMetrics.QueueWait, startedAt.At - delivery.DueAt, delivery.FunctionId);
        }
    }

    /// <summary>
    /// Executes one attempt of a function with flow-control rules: the gate decides first (and a run held back settles
    /// deferred or skipped without an attempt); an admitted attempt gives its flow-control slots back, with its function's
    /// own, as soon as it ends, before the settlement is recorded.
    /// </summary>
    private async ValueTask ExecuteGatedAsync(RunState state, FlowGate gate)
    {
        var delivery = state.Delivery;
        try
        {
            if (delivery.Poison is null)
            {
                var verdict = await EnterGateAsync(state, gate).ConfigureAwait(false);
                if (verdict is not { Decision: GateDecision.Admitted })
                {
                    state.ReleaseSlots();
                    if (verdict is { } heldBack && state.TryClaimSettlement())
                    {
                        await SettleHeldBackAsync(state, heldBack).ConfigureAwait(false);
                    }

                    return;
                }
            }

            var startedAt = AttemptStart.Now(time);
            CountStart(delivery, startedAt);

            Exception? error;
            try
            {
                error = delivery.Poison ?? await AttemptAsync(state).ConfigureAwait(false);
            }
            finally
            {
                state.ReleaseSlots();
                await gate.ExitAsync(state).ConfigureAwait(false);
            }

            if (state.TryClaimSettlement())
            {
                await SettleAsync(state, error, startedAt).ConfigureAwait(false);
            }

            startedAt.RecordDuration(time, delivery.FunctionId);
        }
        catch (Exception engineError)
        {
            Log.EngineFailure(logger, failures, "store (recording outcomes)", delivery.FunctionId, engineError);
        }
        finally
        {
            tracker.Ended(state);
        }
    }

    /// <summary>
    /// Asks the gate; a gate that cannot decide (its store fails) defers the run briefly, one stopped by shutdown hands it
    /// back, and a key that cannot be evaluated fails the attempt. Returns <see langword="null"/> when the run was settled here.
    /// </summary>
    private async ValueTask<GateVerdict?> EnterGateAsync(RunState state, FlowGate gate)
    {
        try
        {
            return await gate.EnterAsync(state, lifetime.Stopping).ConfigureAwait(false);
        }
        catch (Exception error) when (state.TryClaimSettlement())
        {
            if (error is OperationCanceledException && lifetime.Stopping.IsCancellationRequested)
            {
                await SettleFailureAsync(state, new ShutdownInterruptedException(), AttemptStart.Now(time)).ConfigureAwait(false);
            }
            else if (error is FlowKeyException)
            {
                await SettleFailureAsync(state, error, AttemptStart.Now(time)).ConfigureAwait(false);
            }
            else
            {
                Log.EngineFailure(logger, failures, "flow control (deciding a run)", state.Delivery.FunctionId, error);
                var now = time.GetUtcNow();
                await SettleHeldBackAsync(state, GateVerdict.Defer("unavailable", $"flow control unavailable: {error.GetType().Name}", now + FlowRecheck.First)).ConfigureAwait(false);
            }

            return null;
        }
    }

    /// <summary>Settles a run the gate held back: due again later (not an attempt, not a failure), or skipped for good.</summary>
    private async ValueTask SettleHeldBackAsync(RunState state, GateVerdict verdict)
    {
        var delivery = state.Delivery;
        var now = time.GetUtcNow();
        if (state.CancelReason is { } cancelled)
        {
            await SettleCancelledAsync(state, delivery.Attempts, cancelled).ConfigureAwait(false);
            return;
        }

        if (verdict.Decision == GateDecision.Deferred)
        {
            Log.RunDeferred(logger, delivery.FunctionId, delivery.RunId, verdict.DueAt, verdict.Reason!);
            FanoutMetrics.AddWithReason(FanoutMetrics.RunsDeferred, delivery.FunctionId, verdict.Rule!);
            await ReportAsync(state, RunOutcome.Deferred(delivery.RunId, delivery.Attempts, now, verdict.DueAt, verdict.Reason!)).ConfigureAwait(false);
            return;
        }

        Log.RunSkipped(logger, delivery.FunctionId, delivery.RunId, delivery.Event.Id, verdict.Reason!);
        // Counted before the run's end is reported: whoever awaits the run then sees it counted.
        FanoutMetrics.AddWithReason(FanoutMetrics.RunsSkipped, delivery.FunctionId, verdict.Rule!);
        await ReportAsync(state, RunOutcome.Skipped(delivery.RunId, delivery.Attempts, now, verdict.Reason!)).ConfigureAwait(false);
        if (publishSkipped is not null && !string.Equals(delivery.Event.Name, FunctionSkipped.Name, StringComparison.Ordinal))
        {
            var skipped = new FunctionSkipped(delivery.FunctionId, delivery.RunId, delivery.Event.Id, delivery.Event.Name, verdict.Reason!, now);
            try
            {
                await publishSkipped(skipped, FanoutActivities.SendOf(delivery), lifetime.Abort).ConfigureAwait(false);
            }
            catch (Exception publishError)
            {
                Log.SkippedEventNotSent(logger, delivery.RunId, delivery.FunctionId, publishError);
            }
        }
    }

    private async ValueTask SettleCancelledAsync(RunState state, int attempts, string reason, DateTimeOffset? attemptStartedAt = null)
    {
        var delivery = state.Delivery;
        Log.RunCancelled(logger, delivery.FunctionId, delivery.RunId, delivery.Event.Id, reason);
        FanoutMetrics.Add(FanoutMetrics.RunsCancelled, FanoutTags.Function, delivery.FunctionId);
        await ReportAsync(state, RunOutcome.Cancelled(delivery.RunId, attempts, time.GetUtcNow(), reason) with { StartedAt = attemptStartedAt }).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the function's next due run with the slots <paramref name="ended"/> holds, in its place among the runs
    /// executing; gives them back and stops tracking it when there is none, when the engine stops, or when the store fails
    /// (the worker logs and retries its own takes).
    /// </summary>
    private async ValueTask<RunState?> TakeNextAsync(RunState ended)
    {
        if (lifetime.Stopping.IsCancellationRequested || !ended.PassSlotsOn())
        {
            ended.ReleaseSlots();
            tracker.Ended(ended);
            return null;
        }

        RunDelivery? delivery = null;
        try
        {
            delivery = await store.TryTakeRunAsync(ended.Delivery.FunctionId, lifetime.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.Stopping.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            Log.EngineFailure(logger, failures, "store (taking runs)", ended.Delivery.FunctionId, error);
        }

        if (delivery is null)
        {
            ended.Plan.ReleaseSlots();
            tracker.Ended(ended);
            return null;
        }

        var next = new RunState(ended.Plan, delivery);
        tracker.Replace(ended, next);
        return next;
    }

    /// <summary>Hands back a run whose handler did not end after shutdown cancelled it, so another process can take it at once.</summary>
    public ValueTask ReleaseAbandonedAsync(RunState state) =>
        store.ReportAsync(RunOutcome.Released(state.Delivery.RunId, state.Attempt - 1, time.GetUtcNow()) with { Delivery = state.Delivery }, CancellationToken.None);

    private async ValueTask<Exception?> AttemptAsync(RunState state)
    {
        if (lifetime.Stopping.IsCancellationRequested)
        {
            return new ShutdownInterruptedException();
        }

        lifetime.AttemptStarted();
        var activity = FanoutActivities.StartAttempt(state.Delivery, state.Attempt);
        var abort = CancellableAttempts ? state.BeginCancellableAttempt(lifetime.Abort) : lifetime.Abort;
        IDisposable? scope = null;
        try
        {
            scope = logScopes ? logger.BeginScope(new AttemptLogScope(state)) : null;
            if (state.Plan.Pipeline is { } pipeline)
            {
                var context = ResilienceContextPool.Shared.Get(state.Delivery.FunctionId, abort);
                try
                {
                    await pipeline.ExecuteAsync(static (ctx, s) => InvokeAsync(s, ctx.CancellationToken), context, state).ConfigureAwait(false);
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(context);
                }
            }
            else
            {
                await InvokeAsync(state, abort).ConfigureAwait(false);
            }

            FanoutActivities.Finish(activity, "succeeded");
            return null;
        }
        catch (Exception error)
        {
            var outcome = abort.IsCancellationRequested || state.CancelReason is not null ? "cancelled"
                : error is Polly.Timeout.TimeoutRejectedException ? "timeout"
                : "failed";
            FanoutActivities.Finish(activity, outcome, error);
            return error;
        }
        finally
        {
            scope?.Dispose();
            if (CancellableAttempts)
            {
                state.EndCancellableAttempt();
            }

            lifetime.AttemptEnded();
        }
    }

    /// <summary>
    /// Calls the handler, then disposes the attempt's services; a handler that completes synchronously and resolved no
    /// service costs no state machine.
    /// </summary>
    private static ValueTask InvokeAsync(RunState state, CancellationToken cancellationToken)
    {
        ValueTask invoked;
        try
        {
            invoked = state.Plan.TriggerOf(state.Delivery.Event).InvokeAsync(state, state.Delivery.Event, state, cancellationToken);
        }
        catch (Exception error)
        {
            return DisposeThenThrowAsync(state, error);
        }

        if (invoked.IsCompletedSuccessfully && !state.HasServices)
        {
            invoked.GetAwaiter().GetResult();
            return default;
        }

        return AwaitThenDisposeAsync(invoked, state);
    }

    private static async ValueTask AwaitThenDisposeAsync(ValueTask invoked, RunState state)
    {
        try
        {
            await invoked.ConfigureAwait(false);
        }
        finally
        {
            await state.DisposeServicesAsync().ConfigureAwait(false);
        }
    }

    private static async ValueTask DisposeThenThrowAsync(RunState state, Exception error)
    {
        await state.DisposeServicesAsync().ConfigureAwait(false);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }

    /// <summary>
    /// Settles the attempt that started at <paramref name="startedAt"/>; a success whose report completes synchronously costs
    /// no state machine.
    /// </summary>
    private ValueTask SettleAsync(RunState state, Exception? error, AttemptStart startedAt)
    {
        if (error is not null)
        {
            return SettleFailureAsync(state, error, startedAt);
        }

        var delivery = state.Delivery;
        var now = time.GetUtcNow();
        var reported = ReportAsync(state, RunOutcome.SucceededAttempt(delivery, state.Attempt, now, startedAt.Before(now)));
        if (!reported.IsCompletedSuccessfully)
        {
            return CountSuccessAsync(reported, delivery.FunctionId);
        }

        reported.GetAwaiter().GetResult();
        FanoutMetrics.Add(FanoutMetrics.RunsSucceeded, FanoutTags.Function, delivery.FunctionId);
        return default;
    }

    private static async ValueTask CountSuccessAsync(ValueTask reported, string functionId)
    {
        await reported.ConfigureAwait(false);
        FanoutMetrics.Add(FanoutMetrics.RunsSucceeded, FanoutTags.Function, functionId);
    }

    private async ValueTask SettleFailureAsync(RunState state, Exception error, AttemptStart startedAt)
    {
        var delivery = state.Delivery;
        var now = time.GetUtcNow();
        var attemptStartedAt = startedAt.Before(now);
        if (state.CancelReason is { } cancelled && error is not ShutdownInterruptedException)
        {
            await SettleCancelledAsync(state, state.Attempt, cancelled, attemptStartedAt).ConfigureAwait(false);
        }
        else if (error is ShutdownInterruptedException)
        {
            await ReportAsync(state, RunOutcome.Released(delivery.RunId, state.Attempt - 1, now)).ConfigureAwait(false);
        }
        else if (lifetime.Abort.IsCancellationRequested)
        {
            await ReportAsync(state, RunOutcome.Released(delivery.RunId, state.Attempt - 1, now, attemptStartedAt, error)).ConfigureAwait(false);
        }
        else if (delivery.Poison is null && RetryClassifier.IsRetriable(error) && state.HasAttemptsLeft)
        {
            var delay = RetryBackoff.Next(state.Attempt, error, options, Random.Shared.NextDouble());
            Log.AttemptFailed(logger, delivery.FunctionId, state.Attempt, delivery.Event.Id, delivery.RunId, delay, error);
            await ReportAsync(state, RunOutcome.RetryScheduled(delivery.RunId, state.Attempt, now, now + delay, error) with { StartedAt = attemptStartedAt }).ConfigureAwait(false);
            FanoutMetrics.Add(FanoutMetrics.RunsRetried, FanoutTags.Function, delivery.FunctionId);
        }
        else
        {
            await FailAsync(state, error, now, attemptStartedAt).ConfigureAwait(false);
        }
    }

    private async ValueTask FailAsync(RunState state, Exception error, DateTimeOffset failedAt, DateTimeOffset startedAt)
    {
        var delivery = state.Delivery;
        Log.RunFailed(logger, delivery.FunctionId, delivery.Event.Id, state.Attempt, delivery.RunId, error);
        FanoutMetrics.Add(FanoutMetrics.RunsFailed, FanoutTags.Function, delivery.FunctionId);
        await ReportAsync(state, RunOutcome.Failed(delivery.RunId, state.Attempt, failedAt, error) with { StartedAt = startedAt }).ConfigureAwait(false);
        if (string.Equals(delivery.Event.Name, FunctionFailed.Name, StringComparison.Ordinal))
        {
            return;
        }

        var failure = new FunctionFailed(
            delivery.FunctionId, delivery.RunId, delivery.Event.Id, delivery.Event.Name, state.Attempt, error.GetType().FullName ?? error.GetType().Name, error.Message, failedAt);
        try
        {
            await publishFailure(failure, FanoutActivities.SendOf(delivery), lifetime.Abort).ConfigureAwait(false);
        }
        catch (Exception publishError)
        {
            Log.FailureEventNotSent(logger, delivery.RunId, delivery.FunctionId, publishError);
        }
    }

    /// <summary>Has the store carry out the outcome, then completes the run's waiters; no state machine when both complete synchronously.</summary>
    private ValueTask ReportAsync(RunState state, in RunOutcome outcome)
    {
        var reported = store.ReportAsync(ReferenceEquals(outcome.Delivery, state.Delivery) ? outcome : outcome with { Delivery = state.Delivery }, CancellationToken.None);
        if (!reported.IsCompletedSuccessfully)
        {
            return ReportThenNotifyAsync(reported, state, outcome);
        }

        reported.GetAwaiter().GetResult();
        return IsEnd(outcome.Kind) ? completions.NotifyAsync(state, outcome) : default;
    }

    private static bool IsEnd(RunOutcomeKind kind) =>
        kind is RunOutcomeKind.Succeeded or RunOutcomeKind.Failed or RunOutcomeKind.Skipped or RunOutcomeKind.Cancelled;

    private async ValueTask ReportThenNotifyAsync(ValueTask reported, RunState state, RunOutcome outcome)
    {
        await reported.ConfigureAwait(false);
        if (IsEnd(outcome.Kind))
        {
            await completions.NotifyAsync(state, outcome).ConfigureAwait(false);
        }
    }
}
