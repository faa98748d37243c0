using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.FlowControl;
using AttrFanout.Generators.Model.Triggers;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Triggers;

/// <summary>
/// Reads <c>[Debounce]</c>, <c>[Batch]</c> and <c>[CancelOn]</c> of a function into a <see cref="TriggerModel"/>: their bounds
/// (AF0038, AF0039), the combinations a batch cannot take (AF0042), holds on a schedule (AF0043) and keys (AF0022, AF0023,
/// AF0032); each <c>[CancelOn]</c> is read by <see cref="CancelOnParser"/>. The generator and the analyzers share it.
/// </summary>
internal static class TriggerParser
{
    public const int MaxDebounceSeconds = 7 * 24 * 60 * 60;
    public const int MaxBatchSize = 10_000;
    public const int MaxBatchTimeoutSeconds = 24 * 60 * 60;
    public const int MaxBatchBytes = 16 * 1024 * 1024;
    public const int NotSet = -1;

    /// <summary>Reads the attributes of <paramref name="method"/>; <paramref name="payload"/> is null when the handler's payload is unknown.</summary>
    /// <param name="scheduled">Whether the method is an <c>[OnSchedule]</c> function, which cannot debounce or batch.</param>
    public static TriggerReading Read(IMethodSymbol method, ITypeSymbol? payload, bool scheduled, Compilation compilation, KnownTypes types, CancellationToken cancellationToken)
    {
        AttributeData? debounceAttribute = null, batchAttribute = null;
        var cancelOnAttributes = new List<AttributeData>();
        foreach (var attribute in method.GetAttributes())
        {
            if (Is(attribute, types.DebounceAttribute))
            {
                debounceAttribute = attribute;
            }
            else if (Is(attribute, types.BatchAttribute))
            {
                batchAttribute = attribute;
            }
            else if (Is(attribute, types.CancelOnAttribute))
            {
                cancelOnAttributes.Add(attribute);
            }
        }

        if (debounceAttribute is null && batchAttribute is null && cancelOnAttributes.Count == 0)
        {
            return TriggerReading.None;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var problems = ImmutableArray.CreateBuilder<FlowProblem>();
        var handler = SymbolNames.Handler(method);
        var unresolved = payload is null;
        Key key = (attribute, name) =>
        {
            var written = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Key").Value.Value as string;
            return written is null || payload is null ? null : KeyReader.Read(written, name, attribute, method, payload, compilation, types, problems);
        };

        var triggers = method.GetAttributes().Count(static a => a.AttributeClass?.ToDisplayString() is KnownNames.OnEventAttribute or KnownNames.OnScheduleAttribute);
        if (triggers > 1)
        {
            foreach (var (attribute, name) in new[] { (debounceAttribute, "Debounce"), (batchAttribute, "Batch") }.Concat(cancelOnAttributes.Select(static a => ((AttributeData?)a, "CancelOn"))))
            {
                if (attribute is not null)
                {
                    problems.Add(new FlowProblem(Descriptors.HoldOrCancelWithSeveralTriggers, attribute, null, name, handler, triggers, name == "CancelOn" ? "cancellable work" : name == "Batch" ? "batched work" : "debounced work"));
                }
            }

            return new TriggerReading(null, batchAttribute is not null, hasAny: true, problems.ToImmutable());
        }

        var debounce = debounceAttribute is null ? null : Debounce(debounceAttribute, handler, scheduled, problems, key);
        var batch = batchAttribute is null ? null : Batch(batchAttribute, handler, scheduled, problems, key);
        if (batchAttribute is not null)
        {
            ReportCombinations(method, handler, debounceAttribute, cancelOnAttributes, types, problems);
        }

        var cancelOn = new List<CancelOnModel>();
        foreach (var attribute in cancelOnAttributes)
        {
            if (new CancelOnParser(method, payload, compilation, types, problems).Read(attribute, cancellationToken) is { } rule)
            {
                cancelOn.Add(rule);
            }
            else
            {
                unresolved = true;
            }
        }

        var all = problems.ToImmutable();
        var model = unresolved || all.Any(static p => p.IsError) ? null : new TriggerModel(debounce, batch, cancelOn.ToEquatableArray());
        return new TriggerReading(model, batchAttribute is not null, hasAny: true, all);
    }

    private delegate KeyModel? Key(AttributeData attribute, string attributeName);

    private static DebounceModel Debounce(AttributeData attribute, string handler, bool scheduled, ImmutableArray<FlowProblem>.Builder problems, Key key)
    {
        if (scheduled)
        {
            problems.Add(new FlowProblem(Descriptors.HoldOnSchedule, attribute, null, "Debounce", handler));
        }

        var period = Named(attribute, "PeriodSeconds", 0);
        if (period is < 1 or > MaxDebounceSeconds)
        {
            problems.Add(new FlowProblem(Descriptors.InvalidDebounce, attribute, "PeriodSeconds", handler, $"{Setting(attribute, "PeriodSeconds", period)}; use 1 second to 7 days ({MaxDebounceSeconds})"));
        }

        var maxWait = Named(attribute, "MaxWaitSeconds", NotSet);
        if (maxWait != NotSet && maxWait < period)
        {
            problems.Add(new FlowProblem(
                Descriptors.InvalidDebounce,
                attribute,
                "MaxWaitSeconds",
                handler,
                $"MaxWaitSeconds = {maxWait} is shorter than PeriodSeconds = {period}; the longest hold must be at least the quiet period, or leave MaxWaitSeconds unset"));
        }

        return new DebounceModel(period, maxWait == NotSet ? null : maxWait, key(attribute, "Debounce"));
    }

    private static BatchModel Batch(AttributeData attribute, string handler, bool scheduled, ImmutableArray<FlowProblem>.Builder problems, Key key)
    {
        if (scheduled)
        {
            problems.Add(new FlowProblem(Descriptors.HoldOnSchedule, attribute, null, "Batch", handler));
        }

        var maxSize = Named(attribute, "MaxSize", 0);
        if (maxSize is < 1 or > MaxBatchSize)
        {
            problems.Add(new FlowProblem(Descriptors.InvalidBatch, attribute, "MaxSize", handler, $"{Setting(attribute, "MaxSize", maxSize)}; use 1 to {MaxBatchSize}"));
        }

        var timeout = Named(attribute, "TimeoutSeconds", 0);
        if (timeout is < 1 or > MaxBatchTimeoutSeconds)
        {
            problems.Add(new FlowProblem(
                Descriptors.InvalidBatch, attribute, "TimeoutSeconds", handler, $"{Setting(attribute, "TimeoutSeconds", timeout)}; use 1 second to 1 day ({MaxBatchTimeoutSeconds})"));
        }

        var maxBytes = Named(attribute, "MaxBytes", NotSet);
        if (maxBytes != NotSet && maxBytes is < 1 or > MaxBatchBytes)
        {
            problems.Add(new FlowProblem(
                Descriptors.InvalidBatch,
                attribute,
                "MaxBytes",
                handler,
                $"MaxBytes = {maxBytes} is out of range; use 1 to 16 MiB ({MaxBatchBytes}), or leave it unset for 256 KiB"));
        }

        return new BatchModel(maxSize, timeout, maxBytes == NotSet ? null : maxBytes, key(attribute, "Batch"));
    }

    /// <summary>AF0042: <c>[Batch]</c> with <c>[Debounce]</c>, <c>[Singleton]</c> or <c>[CancelOn]</c>, reported at the other attribute.</summary>
    private static void ReportCombinations(
        IMethodSymbol method, string handler, AttributeData? debounce, List<AttributeData> cancelOn, KnownTypes types, ImmutableArray<FlowProblem>.Builder problems)
    {
        if (debounce is not null)
        {
            problems.Add(new FlowProblem(
                Descriptors.ForbiddenTriggerCombination, debounce, null, handler, "Debounce", "a batch runs with every event it holds, a debounce with only the last of a burst"));
        }

        foreach (var (attribute, kind) in types.FlowAttributes.On(method))
        {
            if (kind == FlowAttributeKind.Singleton)
            {
                problems.Add(new FlowProblem(
                    Descriptors.ForbiddenTriggerCombination, attribute, null, handler, "Singleton", "a batch run holds events of many keys, so no one key can keep it alone"));
            }
        }

        foreach (var attribute in cancelOn)
        {
            problems.Add(new FlowProblem(
                Descriptors.ForbiddenTriggerCombination, attribute, null, handler, "CancelOn", "a batch run holds many events, so one cancelling event cannot be matched to it"));
        }
    }

    private static string Setting(AttributeData attribute, string name, int value) =>
        attribute.NamedArguments.Any(a => a.Key == name) ? $"{name} = {value} is out of range" : $"{name} is not set";

    private static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    private static int Named(AttributeData attribute, string name, int fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as int? ?? fallback;
}
