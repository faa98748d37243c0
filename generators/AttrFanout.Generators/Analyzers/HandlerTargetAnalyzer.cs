using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AttrFanout.Generators.Analyzers;

/// <summary>AF0015: <c>[OnEvent]</c> on a local function, a lambda, an operator or an accessor, where the generator never looks.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerTargetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.OnEventOnNonMethod];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (FanoutSymbols.From(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterSymbolAction(c => Check(c.ReportDiagnostic, symbols, (IMethodSymbol)c.Symbol, c.CancellationToken), SymbolKind.Method);
            start.RegisterOperationAction(c => Check(c.ReportDiagnostic, symbols, ((ILocalFunctionOperation)c.Operation).Symbol, c.CancellationToken), OperationKind.LocalFunction);
            start.RegisterOperationAction(c => Check(c.ReportDiagnostic, symbols, ((IAnonymousFunctionOperation)c.Operation).Symbol, c.CancellationToken), OperationKind.AnonymousFunction);
        });
    }

    private static void Check(Action<Diagnostic> report, FanoutSymbols symbols, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (FanoutSymbols.IsHandlerTarget(method) || symbols.OnEventOnAnyTarget(method) is not { } attribute)
        {
            return;
        }

        var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? method.Locations.FirstOrDefault();
        report(Diagnostic.Create(Descriptors.OnEventOnNonMethod, location, Describe(method)));
    }

    private static string Describe(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.LocalFunction => $"the local function '{method.Name}'",
        MethodKind.AnonymousFunction => "a lambda",
        MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove => $"the accessor '{method.ToDisplayString()}'",
        _ => $"'{method.ToDisplayString()}'",
    };
}
