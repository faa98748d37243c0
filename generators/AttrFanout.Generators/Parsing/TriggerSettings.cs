using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// The settings one function with several triggers shares: its Id, taken from the first attribute that sets one, and each
/// numeric or pipeline setting, taken from the attribute that sets it. Two attributes that set one of them differently
/// are a conflict (AF0048 for the Id, AF0050 for the others).
/// </summary>
internal sealed class TriggerSettings
{
    private TriggerSettings(string id, int? retries, int? timeoutSeconds, int? concurrency, string? pipeline, TriggerConflict? conflict)
    {
        Id = id;
        Retries = retries;
        TimeoutSeconds = timeoutSeconds;
        Concurrency = concurrency;
        Pipeline = pipeline;
        Conflict = conflict;
    }

    public string Id { get; }

    public int? Retries { get; }

    public int? TimeoutSeconds { get; }

    public int? Concurrency { get; }

    public string? Pipeline { get; }

    /// <summary>The first conflict between two attributes, or null.</summary>
    public TriggerConflict? Conflict { get; }

    /// <summary>Merges the <c>[OnEvent]</c> attributes, in source order, and the <c>[OnSchedule]</c> one, when present.</summary>
    public static TriggerSettings Merge(IMethodSymbol method, IReadOnlyList<(AttributeData Attribute, OnEventSettings Settings)> events, (AttributeData Attribute, ScheduleSettings Settings)? schedule)
    {
        var id = new Shared("Id");
        var retries = new Shared("Retries");
        var timeout = new Shared("TimeoutSeconds");
        var concurrency = new Shared("Concurrency");
        var pipeline = new Shared("Pipeline");
        foreach (var (attribute, settings) in events)
        {
            id.Offer(attribute, settings.ExplicitId);
            retries.Offer(attribute, settings.Retries);
            timeout.Offer(attribute, settings.TimeoutSeconds);
            concurrency.Offer(attribute, settings.Concurrency);
            pipeline.Offer(attribute, settings.Pipeline);
        }

        if (schedule is var (scheduleAttribute, scheduleSettings))
        {
            id.Offer(scheduleAttribute, scheduleSettings.ExplicitId);
            retries.Offer(scheduleAttribute, scheduleSettings.Retries);
            timeout.Offer(scheduleAttribute, scheduleSettings.TimeoutSeconds);
        }

        var resolved = id.Value as string ?? (events.Count > 0 ? events[0].Settings.ResolveId(method) : schedule!.Value.Settings.ResolveId(method));
        return new TriggerSettings(
            resolved,
            retries.Value as int?,
            timeout.Value as int?,
            concurrency.Value as int?,
            pipeline.Value as string,
            id.Conflict ?? retries.Conflict ?? timeout.Conflict ?? concurrency.Conflict ?? pipeline.Conflict);
    }

    private sealed class Shared(string name)
    {
        public object? Value { get; private set; }

        public TriggerConflict? Conflict { get; private set; }

        public void Offer(AttributeData attribute, object? value)
        {
            if (value is null)
            {
                return;
            }

            if (Value is null)
            {
                Value = value;
            }
            else if (!Value.Equals(value))
            {
                Conflict ??= new TriggerConflict(name, Text(Value), Text(value), attribute);
            }
        }

        private static string Text(object value) => value is string text ? $"\"{text}\"" : value.ToString()!;
    }
}

/// <summary>Two attributes of one function that set <paramref name="Setting"/> differently; <paramref name="Second"/> is the later one.</summary>
internal sealed record TriggerConflict(string Setting, string First, string Other, AttributeData Second);
