using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Checks each <c>[OnEvent]</c> method on its own: its signature (AF0004), event name (AF0005), function Id (AF0006),
/// reachability from generated code (AF0008), numeric settings (AF0010) and whether its class can be created per run (AF0013).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerAnalyzer : DiagnosticAnalyzer
{
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
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (FanoutSymbols.From(start.Compilation) is { } symbols)
            {
                start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.Method);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, FanoutSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (symbols.OnEvent(method) is not { } attribute || method.Locations.Length == 0)
        {
            return;
        }

        var handler = SymbolNames.Handler(method);
        var methodName = method.Locations[0];
        var settings = OnEventSettings.From(attribute);
        if (!FanoutNames.IsValidEventName(settings.EventName))
        {
            var location = AttributeLocations.FirstArgument(attribute, methodName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidEventName, location, settings.EventName ?? "null", handler));
        }

        ReportInvalidId(context, attribute, settings, method, handler);
        if (settings.SettingProblem is { } settingProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidFunctionSetting, methodName, handler, settingProblem));
        }

        var shape = HandlerShape.Of(method, symbols.Types);
        if (shape.SignatureProblem is { } signatureProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidHandlerSignature, methodName, handler, signatureProblem));
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

    private static void ReportInvalidId(SymbolAnalysisContext context, AttributeData attribute, OnEventSettings settings, IMethodSymbol method, string handler)
    {
        var id = settings.ResolveId(method);
        if (FanoutNames.IsValidFunctionId(id))
        {
            return;
        }

        var diagnostic = settings.ExplicitId is null
            ? Diagnostic.Create(Descriptors.InvalidFunctionId, method.Locations[0], id, handler, DerivedIdAdvice)
            : Diagnostic.Create(
                Descriptors.InvalidFunctionId,
                AttributeLocations.NamedArgument(attribute, "Id", context.CancellationToken) ?? method.Locations[0],
                id,
                handler,
                "use " + FanoutNames.FunctionIdRule);
        context.ReportDiagnostic(diagnostic);
    }
}
