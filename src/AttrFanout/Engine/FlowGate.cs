using AttrFanout.FlowControl;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Engine;

/// <summary>
/// Applies one function's flow-control rules to a run at take, before its attempt: its concurrency slots, its singleton,
/// then, on the first attempt only, its throttle and its rate limit. Rules that take nothing back come last, so a run
/// deferred by a full slot has consumed no rate. Created only for a function with rules: one without pays nothing.
/// </summary>
internal sealed class FlowGate
{
    private readonly FunctionDescriptor _function;
    private readonly FunctionFlowControl _rules;
    private readonly IFlowControlStore _slots;
    private readonly IFanoutStore _store;
    private readonly FlowLeases _leases;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool[] _exemptLogged = new bool[5];

    public FlowGate(FunctionDescriptor function, FunctionFlowControl rules, IFanoutStore store, FlowLeases leases, TimeProvider time, ILogger logger)
    {
        _function = function;
        _rules = rules;
        _store = store;
        _slots = store.FlowControl ?? throw new InvalidOperationException($"The store {store.GetType().Name} keeps no flow-control state.");
        _leases = leases;
        _time = time;
        _logger = logger;
    }

    /// <summary>Decides whether the attempt of <paramref name="state"/> may start; when it may, the run holds its slots (<see cref="ExitAsync"/> gives them back).</summary>
    public async ValueTask<GateVerdict> EnterAsync(RunState state, CancellationToken cancellationToken)
    {
        var delivery = state.Delivery;
        var keys = delivery.Keys ?? Sending.FlowKeys.Evaluate(_function, _rules, delivery.Event.Payload);
        var holder = delivery.RunId;
        var now = _time.GetUtcNow();
        var leaseUntil = now + _leases.Lease;
        var firstAttempt = delivery.Attempts == 0;
        List<string>? held = null;
        try
        {
            for (var i = 0; i < _rules.Concurrency.Count; i++)
            {
                var rule = _rules.Concurrency[i];
                if (KeyOf(i == 0 ? keys.Concurrency : keys.SecondConcurrency, i, rule.Key) is not { } key)
                {
                    continue;
                }

                var slot = FlowSlotNames.Concurrency(_function.Id, i, rule.Scope, key);
                if (!await _slots.TryAcquireSlotAsync(slot, rule.Limit, holder, now, leaseUntil, cancellationToken).ConfigureAwait(false))
                {
                    var limitOf = rule.Scope is null ? "" : $" of scope '{rule.Scope}'";
                    return await HoldBackAsync(held, holder, GateVerdict.Defer("concurrency", $"concurrency limit {rule.Limit}{limitOf}{ForKey(key)} is full", now + Recheck(delivery, now))).ConfigureAwait(false);
                }

                (held ??= new(4)).Add(slot);
            }

            if (_rules.Singleton is { } singleton && KeyOf(keys.Singleton, 2, singleton.Key) is { } singletonKey)
            {
                var slot = FlowSlotNames.Singleton(_function.Id, singletonKey);
                if (!await _slots.TryAcquireSlotAsync(slot, 1, holder, now, leaseUntil, cancellationToken).ConfigureAwait(false))
                {
                    return await HoldBackAsync(held, holder, await SingletonHeldAsync(singleton, slot, singletonKey, delivery, now, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                }

                (held ??= new(4)).Add(slot);
            }

            if (firstAttempt && _rules.Throttle is { } throttle && KeyOf(keys.Throttle, 3, throttle.Key) is { } throttleKey
                && await _slots.TryTakeRateAsync(FlowSlotNames.Throttle(_function.Id, throttleKey), throttle.Limit, throttle.Period, throttle.Burst, now, cancellationToken).ConfigureAwait(false) is { } startAt)
            {
                return await HoldBackAsync(held, holder, GateVerdict.Defer("throttle", $"throttle {throttle.Limit} per {throttle.Period}{ForKey(throttleKey)}", startAt)).ConfigureAwait(false);
            }

            if (firstAttempt && _rules.RateLimit is { } rate && KeyOf(keys.RateLimit, 4, rate.Key) is { } rateKey
                && await _slots.TryTakeRateAsync(FlowSlotNames.RateLimit(_function.Id, rateKey), rate.Limit, rate.Period, rate.Limit, now, cancellationToken).ConfigureAwait(false) is not null)
            {
                return await HoldBackAsync(held, holder, GateVerdict.Skip("rate_limit", $"rate limit {rate.Limit} per {rate.Period}{ForKey(rateKey)}")).ConfigureAwait(false);
            }
        }
        catch
        {
            await ReleaseAsync(held, holder).ConfigureAwait(false);
            throw;
        }

        if (held is not null)
        {
            var slots = held.ToArray();
            state.FlowSlots = slots;
            _leases.Hold(holder, slots);
        }

        return GateVerdict.Admitted;
    }

    /// <summary>Gives back the slots the run of <paramref name="state"/> holds, once its attempt ended.</summary>
    public ValueTask ExitAsync(RunState state)
    {
        if (state.FlowSlots is not { } slots)
        {
            return ValueTask.CompletedTask;
        }

        state.FlowSlots = null;
        _leases.Forget(state.Delivery.RunId);
        return ReleaseAsync(slots, state.Delivery.RunId);
    }

    private async ValueTask<GateVerdict> SingletonHeldAsync(SingletonRule singleton, string slot, string key, RunDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holders = await _slots.GetSlotHoldersAsync(slot, now, cancellationToken).ConfigureAwait(false);
        var active = holders.FirstOrDefault(h => !string.Equals(h, delivery.RunId, StringComparison.Ordinal)) ?? "(ending)";
        if (delivery.Attempts > 0)
        {
            return GateVerdict.Defer("singleton", $"singleton{ForKey(key)}: run {active} is active", now + Recheck(delivery, now));
        }

        if (singleton.Mode == SingletonMode.Skip)
        {
            return GateVerdict.Skip("singleton", $"singleton{ForKey(key)}: run {active} is active");
        }

        foreach (var holder in holders)
        {
            if (!string.Equals(holder, delivery.RunId, StringComparison.Ordinal))
            {
                await _store.CancelRunAsync(holder, $"replaced by run {delivery.RunId}", now, cancellationToken).ConfigureAwait(false);
            }
        }

        return GateVerdict.Defer("singleton", $"singleton{ForKey(key)}: replacing run {active}", now + FlowRecheck.First);
    }

    private async ValueTask<GateVerdict> HoldBackAsync(List<string>? held, string holder, GateVerdict verdict)
    {
        await ReleaseAsync(held, holder).ConfigureAwait(false);
        return verdict;
    }

    private async ValueTask ReleaseAsync(IReadOnlyList<string>? slots, string holder)
    {
        if (slots is null)
        {
            return;
        }

        foreach (var slot in slots)
        {
            await _slots.ReleaseSlotAsync(slot, holder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string ForKey(string key) => key.Length == 0 ? "" : $" for key '{key}'";

    private static TimeSpan Recheck(RunDelivery delivery, DateTimeOffset now) =>
        FlowRecheck.After(now - (delivery.CreatedAt ?? delivery.Event.Timestamp));

    /// <summary>Returns the bucket of a rule; for a keyed rule whose key is null (the run is exempt), logs it once per function and rule.</summary>
    private string? KeyOf(string? bucket, int rule, PayloadKey? key)
    {
        if (bucket is null && key is not null && !Volatile.Read(ref _exemptLogged[rule]))
        {
            Volatile.Write(ref _exemptLogged[rule], true);
            Log.FlowKeyExempt(_logger, _function.Id, RuleNames[rule], key.Expression);
        }

        return bucket;
    }

    private static readonly string[] RuleNames = ["concurrency", "second concurrency", "singleton", "throttle", "rate limit"];
}
