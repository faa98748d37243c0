using AttrFanout.Generators.Model;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// Reads a method with several triggers (several <c>[OnEvent]</c>, or <c>[OnEvent]</c> and <c>[OnSchedule]</c>) into one
/// <see cref="FunctionModel"/> per trigger, all with the function's Id and shared settings. Each trigger's descriptor is
/// typed by the handler's payload parameter (<c>object</c> when it takes none), which the runtime casts each payload to.
/// Invalid sets yield null and are reported by the analyzers (AF0003, AF0048–AF0050 among them).
/// </summary>
internal static class TriggerSetParser
{
    private const string ObjectFqn = "object";

    /// <summary>The <c>[OnSchedule]</c> of <paramref name="method"/>, or null.</summary>
    public static AttributeData? ScheduleAttribute(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == KnownNames.OnScheduleAttribute);

    public static FunctionTriggersModel? Parse(GeneratorAttributeSyntaxContext context, IMethodSymbol method, AttributeData? schedule, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        var events = context.Attributes
            .Select(a => (Attribute: a, Settings: OnEventSettings.From(a, compilation, context.SemanticModel, cancellationToken)))
            .GroupBy(static e => e.Settings.EventName, StringComparer.Ordinal)
            .Select(static g => g.First())
            .ToList();
        var scheduleSettings = schedule is null ? null : ScheduleSettings.From(schedule);
        var shared = TriggerSettings.Merge(method, events, schedule is null ? null : (schedule, scheduleSettings!));
        if (shared.Conflict is not null || !FanoutNames.IsValidFunctionId(shared.Id) ||
            events.Any(static e => !FanoutNames.IsValidEventName(e.Settings.EventName) || e.Settings.SettingProblem is not null || e.Settings.PipelineProblem is not null) ||
            scheduleSettings is { CronProblem: not null } or { TimeZoneProblem: not null } or { SettingProblem: not null })
        {
            return null;
        }

        var types = KnownTypes.From(compilation);
        var shape = HandlerShape.Of(method, types);
        if (TriggerShape.Problem(shape, events.Count + (schedule is null ? 0 : 1)) is not null)
        {
            return null;
        }

        var payload = shape.PayloadType ?? compilation.GetSpecialType(SpecialType.System_Object);
        if (payload.TypeKind == TypeKind.Error || Reachability.TypeNameProblem(payload) is not null)
        {
            return null;
        }

        var filters = new string?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Settings.When is { } when && (filters[i] = FilterResolver.Call(method, when, payload, compilation, out _)) is null)
            {
                return null;
            }
        }

        var containingType = SymbolNames.Fqn(method.ContainingType);
        var template = new FunctionModel(
            "",
            shared.Id,
            SymbolNames.Handler(method),
            containingType,
            SymbolNames.Identifier(method.Name),
            shape.PayloadType is null ? ObjectFqn : SymbolNames.Fqn(payload),
            method.IsStatic,
            shape.Parameters.ToEquatableArray(),
            shape.ReturnKind,
            shared.Retries,
            shared.TimeoutSeconds,
            shared.Concurrency,
            shared.Pipeline,
            method.IsStatic ? null : ServiceFactoryParser.Parse(method.ContainingType, containingType, types, cancellationToken),
            FlowControl: FlowControlParser.Read(method, payload, compilation, types, cancellationToken).Model);

        var first = events.Count > 0 ? events[0].Settings.EventName! : ScheduleParser.EventNamePrefix + shared.Id;
        var triggers = new List<FunctionModel>(events.Count + 1);
        for (var i = 0; i < events.Count; i++)
        {
            triggers.Add(template with { EventName = events[i].Settings.EventName!, FilterCall = filters[i], Trigger = i, FirstEventName = first });
        }

        if (scheduleSettings is not null)
        {
            triggers.Add(template with
            {
                EventName = ScheduleParser.EventNamePrefix + shared.Id,
                Schedule = new ScheduleModel(scheduleSettings.Cron!.Trim(), scheduleSettings.TimeZone, scheduleSettings.CatchUp),
                Trigger = events.Count,
                FirstEventName = first,
            });
        }

        return new FunctionTriggersModel(triggers.ToEquatableArray());
    }
}
