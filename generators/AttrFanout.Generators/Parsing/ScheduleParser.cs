using AttrFanout.Generators.Model;
using AttrFanout.Generators.Parsing.FlowControl;
using AttrFanout.Generators.Parsing.Triggers;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// Reads one <c>[OnSchedule]</c> method into a <see cref="FunctionModel"/> subscribed to its schedule's event; invalid
/// ones yield null and are reported by <c>ScheduleAnalyzer</c>.
/// </summary>
internal static class ScheduleParser
{
    /// <summary>The prefix of a schedule's event name, as the runtime's <c>ScheduleRule.EventNamePrefix</c>.</summary>
    public const string EventNamePrefix = "attrfanout/schedule/";

    public static FunctionModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var settings = ScheduleSettings.From(context.Attributes[0]);
        var id = settings.ResolveId(method);
        if (!FanoutNames.IsValidFunctionId(id) || settings.CronProblem is not null || settings.TimeZoneProblem is not null ||
            settings.SettingProblem is not null || HasOnEvent(method))
        {
            return null;
        }

        var compilation = context.SemanticModel.Compilation;
        var types = KnownTypes.From(compilation);
        var shape = HandlerShape.Of(method, types);
        if (ScheduleShape.Problem(method, shape, compilation.GetTypeByMetadataName(KnownNames.ScheduledTick)) is not null ||
            shape.ReachabilityProblem is not null)
        {
            return null;
        }

        var tick = compilation.GetTypeByMetadataName(KnownNames.ScheduledTick);
        var triggers = TriggerParser.Read(method, tick, scheduled: true, compilation, types, cancellationToken);
        if (triggers.IsBroken)
        {
            return null;
        }

        var containingType = SymbolNames.Fqn(method.ContainingType);
        return new FunctionModel(
            EventNamePrefix + id,
            id,
            SymbolNames.Handler(method),
            containingType,
            SymbolNames.Identifier(method.Name),
            "global::" + KnownNames.ScheduledTick,
            method.IsStatic,
            shape.Parameters.ToEquatableArray(),
            shape.ReturnKind,
            settings.Retries,
            settings.TimeoutSeconds,
            Concurrency: null,
            Pipeline: null,
            method.IsStatic ? null : ServiceFactoryParser.Parse(method.ContainingType, containingType, types, cancellationToken),
            FlowControl: tick is null ? null : FlowControlParser.Read(method, tick, compilation, types, cancellationToken).Model,
            Schedule: new ScheduleModel(settings.Cron!.Trim(), settings.TimeZone, settings.CatchUp),
            Triggers: triggers.Model);
    }

    private static bool HasOnEvent(IMethodSymbol method) =>
        method.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == KnownNames.OnEventAttribute);
}
