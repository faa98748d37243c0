using AttrFanout.Stores;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Triggers;

/// <summary>
/// Takes the event of a run of a debounced or batched function into the function's hold for the run's key, instead of
/// calling the handler: one compare-and-set on the store's hold, tried again while another process writes the same hold.
/// The run then ends skipped, its reason naming the hold; the hold's own run comes later, from <see cref="HoldDriver"/>.
/// </summary>
internal sealed class HoldIntake(
    IReadOnlyDictionary<string, HoldRule> rules,
    IEventHoldStore holds,
    FunctionCatalog catalog,
    bool usesPayloadBytes,
    TimeProvider time,
    ILogger logger,
    Action wake)
{
    private const int MaxTries = 50;

    /// <summary>Gets the rule that holds <paramref name="delivery"/>, or <see langword="null"/> when the run executes as usual (a hold's own run among them).</summary>
    public HoldRule? RuleFor(RunDelivery delivery) =>
        delivery.Poison is null && rules.TryGetValue(delivery.FunctionId, out var rule) && !HoldNames.TryGetFunction(delivery.Event.Name, out _)
            ? rule
            : null;

    /// <summary>Adds the run's event to its hold; returns the reason the run ends with.</summary>
    public async ValueTask<string> HoldAsync(HoldRule rule, RunDelivery delivery, CancellationToken cancellationToken)
    {
        var functionId = delivery.FunctionId;
        var key = delivery.Keys?.Hold ?? "";
        var incoming = Describe(rule, delivery.Event, time.GetUtcNow()) with { Sequence = RunIds.TryParse(delivery.RunId, out var sequence, out _) ? sequence : 0 };
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var current = await holds.GetAsync(functionId, key, cancellationToken).ConfigureAwait(false);
            var next = rule.Add(current?.Events, incoming, out var outcome);
            if (next is null)
            {
                HoldLog.Held(logger, functionId, delivery.Event.Id, rule.Attribute, key, outcome, current!.DueAt);
                return $"{rule.Attribute} key '{key}': {outcome}";
            }

            var due = rule.DueAt(next);
            if (await holds.TryWriteAsync(new StoredHold(functionId, key, next, due, 0), current?.Version ?? 0, cancellationToken).ConfigureAwait(false))
            {
                HoldLog.Held(logger, functionId, delivery.Event.Id, rule.Attribute, key, outcome, due);
                wake();
                return $"held for {rule.Attribute} key '{key}': runs with event '{rule.EventName}'";
            }
        }

        throw new InvalidOperationException($"The {rule.Attribute} hold of function '{functionId}' kept changing under {MaxTries} tries to add event '{delivery.Event.Id}'.");
    }

    private HeldEvent Describe(HoldRule rule, EventEnvelope envelope, DateTimeOffset now)
    {
        catalog.TryGetEvent(rule.Function.EventName, out var descriptor);
        if (usesPayloadBytes)
        {
            var bytes = descriptor?.SerializePayload(envelope.Payload)
                ?? throw new PayloadSerializationException(envelope.Name, envelope.Payload.GetType(), "the event is not declared, so its payload cannot be held.");
            return new HeldEvent(envelope.Id, envelope.Timestamp, now, bytes.Length) { Payload = bytes };
        }

        var size = descriptor is { CanSerializePayload: true } ? descriptor.MeasurePayload(envelope.Payload) : 0;
        return new HeldEvent(envelope.Id, envelope.Timestamp, now, (int)Math.Min(size, int.MaxValue)) { Event = envelope };
    }
}
