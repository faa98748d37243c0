using AttrFanout.Sending;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Triggers;

/// <summary>
/// Runs the due holds of every debounce and batch: it reads the store's list of holds on its own timer (and at once when
/// this process adds to one), and for each due hold takes the flow-control slot <c>hold:{function}:{key}</c> so that one
/// process at a time runs it, sends one event to exactly that function (its Id derived from the events it carries, so a
/// repeated send is the same event, which the store keeps once), then removes what it sent by compare-and-set, leaving
/// what was added meanwhile for the next run. A process that dies between the send and the removal leaves the hold due:
/// any process sends it again, and the store's deduplication, within its idempotency window, keeps one run.
/// </summary>
internal sealed class HoldDriver(
    IReadOnlyDictionary<string, HoldRule> rules,
    IEventHoldStore holds,
    IFlowControlStore? slots,
    EventAcceptor acceptor,
    FunctionCatalog catalog,
    TimeProvider time,
    ILogger logger,
    FailureThrottle failures,
    TimeSpan pollInterval)
{
    private const int MaxTries = 50;
    private static readonly TimeSpan SlotLease = TimeSpan.FromMinutes(1);

    /// <summary>The longest one reading and its runs may take: a store call that hangs ends the pass, and the next one tries again.</summary>
    private static readonly TimeSpan PassBound = TimeSpan.FromSeconds(20);
    private readonly string _holder = "holds-" + Guid.NewGuid().ToString("N");
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes the driver to read the holds again: one was just added to, and may be due before its next reading.</summary>
    public void Wake() =>
        Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public Task Start(CancellationToken stopping)
    {
        if (rules.Count == 0)
        {
            return Task.CompletedTask;
        }

        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => RunAsync(stopping), CancellationToken.None);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var woken = Volatile.Read(ref _wake).Task;
            var next = time.GetUtcNow() + pollInterval;
            using var bound = new CancellationTokenSource(PassBound, time);
            using var pass = CancellationTokenSource.CreateLinkedTokenSource(stopping, bound.Token);
            try
            {
                next = await RunDueAsync(pass.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                Log.EngineFailure(logger, failures, "store (running debounces and batches)", "*", error);
            }

            var wait = next - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                continue;
            }

            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var delay = Task.Delay(wait, time, waiting.Token);
            await Task.WhenAny(woken, delay).ConfigureAwait(false);
            await waiting.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs every due hold; returns when the next one is due, or the next reading, whichever is first.</summary>
    private async Task<DateTimeOffset> RunDueAsync(CancellationToken stopping)
    {
        var listed = await holds.ListAsync(stopping).ConfigureAwait(false);
        var next = time.GetUtcNow() + pollInterval;
        foreach (var hold in listed)
        {
            if (!rules.TryGetValue(hold.FunctionId, out var rule))
            {
                continue;
            }

            if (hold.DueAt > time.GetUtcNow())
            {
                next = hold.DueAt < next ? hold.DueAt : next;
                continue;
            }

            try
            {
                await RunAsync(rule, hold.Key, stopping).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                Log.EngineFailure(logger, failures, $"store (running the {rule.Attribute} hold)", rule.Function.Id, error);
            }
        }

        return next;
    }

    private async Task RunAsync(HoldRule rule, string key, CancellationToken stopping)
    {
        var functionId = rule.Function.Id;
        var slot = $"hold:{functionId}:{key}";
        var now = time.GetUtcNow();
        if (slots is not null && !await slots.TryAcquireSlotAsync(slot, 1, _holder, now, now + SlotLease, stopping).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var stored = await holds.GetAsync(functionId, key, stopping).ConfigureAwait(false);
            if (stored is null || stored.DueAt > time.GetUtcNow())
            {
                return;
            }

            var taken = rule.Take(stored.Events);
            if (taken.Count > 0)
            {
                var envelope = Envelope(rule, key, taken);
                var sent = await acceptor.AcceptAsync(envelope, idChosenBySender: true, stopping).ConfigureAwait(false);
                HoldLog.Flushed(logger, functionId, rule.Attribute, key, taken.Count, envelope.Id, sent.IsDuplicate ? " (already sent)" : "");
            }

            await RemoveAsync(rule, stored, taken, stopping).ConfigureAwait(false);
        }
        finally
        {
            if (slots is not null)
            {
                await slots.ReleaseSlotAsync(slot, _holder, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Removes what was sent from the hold; events added since stay, and the hold is due again by them.</summary>
    private async Task RemoveAsync(HoldRule rule, StoredHold stored, IReadOnlyList<HeldEvent> taken, CancellationToken stopping)
    {
        StoredHold? current = stored;
        for (var attempt = 0; attempt < MaxTries && current is not null; attempt++)
        {
            var left = HoldRule.Without(current.Events, taken);
            var removed = left is null
                ? await holds.TryDeleteAsync(current.FunctionId, current.Key, current.Version, stopping).ConfigureAwait(false)
                : await holds.TryWriteAsync(current with { Events = left, DueAt = rule.DueAt(left) }, current.Version, stopping).ConfigureAwait(false);
            if (removed)
            {
                return;
            }

            current = await holds.GetAsync(stored.FunctionId, stored.Key, stopping).ConfigureAwait(false);
        }

        if (current is not null)
        {
            throw new InvalidOperationException($"The {rule.Attribute} hold of function '{rule.Function.Id}' kept changing under {MaxTries} tries to remove the events it ran; it will run them again.");
        }
    }

    private EventEnvelope Envelope(HoldRule rule, string key, IReadOnlyList<HeldEvent> taken)
    {
        var function = rule.Function;
        var id = HoldNames.FlushEventId(rule.Kind, function.Id, key, taken.Select(static e => e.Id));
        catalog.TryGetEvent(function.EventName, out var own);
        if (rule.Batch is null)
        {
            var held = taken[0];
            return function.Envelope(id, rule.EventName, held.Timestamp, Rebuild(held, own).Payload);
        }

        var events = taken.Select(held => Rebuild(held, own)).ToArray();
        return new Event<HeldBatch>(id, rule.EventName, events[^1].Timestamp, new HeldBatch(events));
    }

    private static EventEnvelope Rebuild(HeldEvent held, EventDescriptor? own) =>
        held.Event ?? own?.DeserializeEnvelope(held.Id, held.Timestamp, held.Payload.Span)
        ?? throw new InvalidOperationException($"The held event '{held.Id}' cannot be read back: its event is not declared.");
}
