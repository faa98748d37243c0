using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Checks each <c>[OnSchedule]</c> method: its cron expression (AF0033), time zone (AF0034), signature (AF0035), its
/// function Id (AF0006), reachability (AF0008) and settings (AF0010). A method with <c>[OnEvent]</c> too is one function with
/// several triggers, whose Id, signature and reachability <see cref="HandlerAnalyzer"/> checks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScheduleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.InvalidCronExpression,
        Descriptors.UnknownTimeZone,
        Descriptors.InvalidScheduleHandler,
        Descriptors.InvalidFunctionId,
        Descriptors.HandlerNotReachable,
        Descriptors.InvalidFunctionSetting,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.OnScheduleAttribute) is { } onSchedule)
            {
                var onEvent = start.Compilation.GetTypeByMetadataName(KnownNames.OnEventAttribute);
                var scheduledTick = start.Compilation.GetTypeByMetadataName(KnownNames.ScheduledTick);
                var types = KnownTypes.From(start.Compilation);
                start.RegisterSymbolAction(c => Analyze(c, onSchedule, onEvent, scheduledTick, types), SymbolKind.Method);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol onSchedule, INamedTypeSymbol? onEvent, INamedTypeSymbol? scheduledTick, KnownTypes types)
    {
        var method = (IMethodSymbol)context.Symbol;
        var attribute = Find(method, onSchedule);
        if (attribute is null || method.Locations.Length == 0 || method.PartialDefinitionPart is not null)
        {
            return;
        }

        var handler = SymbolNames.Handler(method);
        var methodName = method.Locations[0];
        var settings = ScheduleSettings.From(attribute);
        if (settings.CronProblem is { } cronProblem)
        {
            var location = AttributeLocations.FirstArgument(attribute, methodName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidCronExpression, location, settings.Cron ?? "null", handler, cronProblem));
        }

        if (settings.TimeZoneProblem is { } zoneProblem)
        {
            var location = AttributeLocations.NamedArgument(attribute, "TimeZone", context.CancellationToken) ?? methodName;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownTimeZone, location, handler, zoneProblem));
        }

        var onEvents = onEvent is null ? [] : FindAll(method, onEvent);
        var id = settings.ResolveId(method);
        var idIsChecked = onEvents.Count == 0 || (settings.ExplicitId is not null && onEvents.All(static a => a.NamedArguments.All(static n => n.Key != "Id")));
        if (idIsChecked && !FanoutNames.IsValidFunctionId(id))
        {
            var location = settings.ExplicitId is null ? methodName : AttributeLocations.NamedArgument(attribute, "Id", context.CancellationToken) ?? methodName;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidFunctionId, location, id, handler, "use " + FanoutNames.FunctionIdRule));
        }

        if (settings.SettingProblem is { } settingProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidFunctionSetting, methodName, handler, settingProblem));
        }

        if (onEvents.Count > 0)
        {
            return;
        }

        var shape = HandlerShape.Of(method, types);
        if (ScheduleShape.Problem(method, shape, scheduledTick) is { } signatureProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidScheduleHandler, methodName, handler, signatureProblem));
        }

        if (shape.ReachabilityProblem is { } reachabilityProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HandlerNotReachable, methodName, handler, reachabilityProblem));
        }
    }

    private static List<AttributeData> FindAll(ISymbol symbol, INamedTypeSymbol attributeType) =>
        symbol.GetAttributes().Where(a => a.AttributeConstructor is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)).ToList();

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeConstructor is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
}
