using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// The checks of a method with several triggers, which is one function: one Id (AF0048, AF0006), settings set once
/// (AF0050), and a payload parameter that is not <c>Event&lt;T&gt;</c> (AF0049) nor, beside events, <c>ScheduledTick</c> (AF0036).
/// Whether each trigger's payload converts to the parameter is answered with the catalog, at compilation end (AF0003).
/// </summary>
internal static class TriggerSetChecks
{
    public static void Report(
        SymbolAnalysisContext context, IMethodSymbol method, string handler, IReadOnlyList<(AttributeData Attribute, OnEventSettings Settings)> events, AttributeData? schedule)
    {
        var scheduleSettings = schedule is null ? null : ScheduleSettings.From(schedule);
        var shared = TriggerSettings.Merge(method, events, schedule is null ? null : (schedule, scheduleSettings!));
        if (shared.Conflict is { } conflict)
        {
            var location = AttributeLocations.NamedArgument(conflict.Second, conflict.Setting, context.CancellationToken) ?? method.Locations[0];
            context.ReportDiagnostic(conflict.Setting == "Id"
                ? Diagnostic.Create(Descriptors.TriggersWithTwoIds, location, handler, conflict.First.Trim('"'), conflict.Other.Trim('"'))
                : Diagnostic.Create(Descriptors.TriggerSettingConflict, location, handler, conflict.Setting, conflict.First, conflict.Other));
        }

        var withId = events.FirstOrDefault(static e => e.Settings.ExplicitId is not null);
        if (withId.Attribute is not null)
        {
            HandlerAnalyzer.ReportInvalidId(context, withId.Attribute, withId.Settings, method, handler);
        }
        else if (scheduleSettings?.ExplicitId is null)
        {
            HandlerAnalyzer.ReportInvalidId(context, events[0].Attribute, events[0].Settings, method, handler);
        }
    }

    public static void ReportPayload(
        SymbolAnalysisContext context, IMethodSymbol method, string handler, HandlerShape shape, int triggers, AttributeData? schedule, FanoutSymbols symbols)
    {
        var index = shape.Parameters.IndexOf(Model.HandlerParameterKind.Envelope);
        if (index >= 0)
        {
            var parameter = method.Parameters[index];
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EnvelopeWithSeveralTriggers, TypeLocation(parameter, context.CancellationToken) ?? method.Locations[0], handler, parameter.Type.ToDisplayString(), triggers));
        }
        else if (DeclaredHandler.TakesTickWithEvents(shape, symbols, schedule))
        {
            var parameter = method.Parameters[shape.Parameters.IndexOf(Model.HandlerParameterKind.Payload)];
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ScheduleWithEvent, TypeLocation(parameter, context.CancellationToken) ?? method.Locations[0], handler));
        }
    }

    private static Location? TypeLocation(IParameterSymbol parameter, CancellationToken cancellationToken) =>
        (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ParameterSyntax)?.Type?.GetLocation();
}
