using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Checks each <c>[OnEvent]</c> method on its own: its signature (AF0004), event name (AF0005, or AF0021 when it cannot be
/// determined at build time), function Id (AF0006), reachability from generated code (AF0008), numeric settings (AF0010),
/// whether its class can be created per run (AF0013), its resilience pipeline name (AF0020) and its filter (AF0037); with
/// several triggers, their Ids (AF0048), shared settings (AF0050) and payload parameter (AF0049, AF0036).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key of the suggested Id in <see cref="Diagnostic.Properties"/> of AF0006, and of the fix in AF0004.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <summary>The <see cref="SuggestionProperty"/> of AF0004 when the handler is <c>async void</c> and should return <c>Task</c>.</summary>
    public const string AsyncVoidSuggestion = "ReturnTask";

    /// <summary>The key, in <see cref="Diagnostic.Properties"/> of AF0004, of an instance handler's parameter that looks like a service.</summary>
    public const string ServiceParameterProperty = "ServiceParameter";

    private const string DerivedIdAdvice =
        "it is derived from the type and method names, which do not fit; set Id in [OnEvent] to " + FanoutNames.FunctionIdRule;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.InvalidHandlerSignature,
        Descriptors.InvalidEventName,
        Descriptors.InvalidFunctionId,
        Descriptors.HandlerNotReachable,
        Descriptors.InvalidFunctionSetting,
        Descriptors.HandlerClassNotCreatable,
        Descriptors.InvalidPipelineName,
        Descriptors.EventNameNotDetermined,
        Descriptors.InvalidFilterMethod,
        Descriptors.TriggersWithTwoIds,
        Descriptors.EnvelopeWithSeveralTriggers,
        Descriptors.TriggerSettingConflict,
        Descriptors.ScheduleWithEvent,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        MethodAnalysis.Register(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, FanoutSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        var attributes = symbols.OnEvents(method);
        if (attributes.Count == 0 || method.Locations.Length == 0)
        {
            return;
        }

        var handler = SymbolNames.Handler(method);
        var methodName = method.Locations[0];
        var all = attributes.Select(a => (Attribute: a, Settings: OnEventSettings.From(a, context.Compilation, null, context.CancellationToken))).ToList();
        var schedule = symbols.OnSchedule(method);
        var triggers = all.Count + (schedule is null ? 0 : 1);
        foreach (var (attribute, settings) in all)
        {
            ReportSettings(context, attribute, settings, handler, methodName);
        }

        if (triggers == 1)
        {
            ReportInvalidId(context, all[0].Attribute, all[0].Settings, method, handler);
        }
        else
        {
            TriggerSetChecks.Report(context, method, handler, all, schedule);
        }

        var shape = HandlerShape.Of(method, symbols.Types);
        var filterPayload = shape.PayloadType ?? (triggers > 1 ? context.Compilation.GetSpecialType(SpecialType.System_Object) : null);
        foreach (var (attribute, settings) in all)
        {
            if (settings.When is { } when && filterPayload is { TypeKind: not TypeKind.Error } payload &&
                FilterResolver.Call(method, when, payload, context.Compilation, out var filterProblem) is null)
            {
                var location = AttributeLocations.NamedArgument(attribute, "When", context.CancellationToken) ?? methodName;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InvalidFilterMethod, location, when, handler, filterProblem, payload.ToDisplayString(), method.ContainingType.ToDisplayString()));
            }
        }

        var signatureProblem = triggers > 1 && shape.PayloadType is null && shape.SignatureProblem == HandlerShape.NoPayloadProblem ? null : shape.SignatureProblem;
        if (signatureProblem is not null)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (method is { ReturnsVoid: true, IsAsync: true })
            {
                properties = properties.Add(SuggestionProperty, AsyncVoidSuggestion);
            }

            if (shape.ServiceParameter is { } service && !method.IsStatic)
            {
                properties = properties.Add(ServiceParameterProperty, service);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidHandlerSignature, methodName, properties, handler, signatureProblem));
        }
        else if (triggers > 1)
        {
            TriggerSetChecks.ReportPayload(context, method, handler, shape, triggers, schedule, symbols);
        }

        if (shape.ReachabilityProblem is { } reachabilityProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HandlerNotReachable, methodName, handler, reachabilityProblem));
        }
        else if (!method.IsStatic && ServiceFactoryParser.ConstructionProblem(method.ContainingType, symbols.Types) is { } constructionProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HandlerClassNotCreatable, methodName, handler, method.ContainingType.ToDisplayString(), constructionProblem));
        }
    }

    /// <summary>The checks of one <c>[OnEvent]</c>'s own arguments: its event name (AF0021, AF0005), settings (AF0010) and pipeline (AF0020).</summary>
    private static void ReportSettings(SymbolAnalysisContext context, AttributeData attribute, OnEventSettings settings, string handler, Location methodName)
    {
        if (!settings.IsEventNameDetermined)
        {
            var location = AttributeLocations.FirstArgument(attribute, methodName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.EventNameNotDetermined, location, handler));
        }
        else if (!FanoutNames.IsValidEventName(settings.EventName))
        {
            var location = AttributeLocations.FirstArgument(attribute, methodName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidEventName, location, settings.EventName ?? "null", handler));
        }

        if (settings.SettingProblem is { } settingProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidFunctionSetting, methodName, handler, settingProblem));
        }

        if (settings.PipelineProblem is { } pipelineProblem)
        {
            var location = AttributeLocations.NamedArgument(attribute, "Pipeline", context.CancellationToken) ?? methodName;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPipelineName, location, settings.Pipeline, handler, pipelineProblem));
        }
    }

    internal static void ReportInvalidId(SymbolAnalysisContext context, AttributeData attribute, OnEventSettings settings, IMethodSymbol method, string handler)
    {
        var id = settings.ResolveId(method);
        if (FanoutNames.IsValidFunctionId(id))
        {
            return;
        }

        var suggestion = IdSuggestion.For(settings.ExplicitId);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        var diagnostic = settings.ExplicitId is null
            ? Diagnostic.Create(Descriptors.InvalidFunctionId, method.Locations[0], id, handler, DerivedIdAdvice)
            : Diagnostic.Create(
                Descriptors.InvalidFunctionId,
                AttributeLocations.NamedArgument(attribute, "Id", context.CancellationToken) ?? method.Locations[0],
                properties,
                id,
                handler,
                suggestion is null ? "use " + FanoutNames.FunctionIdRule : $"did you mean '{suggestion}'? Use " + FanoutNames.FunctionIdRule);
        context.ReportDiagnostic(diagnostic);
    }
}
