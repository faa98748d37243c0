using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
            start.RegisterSyntaxNodeAction(
                c => CheckFunction(c, symbols),
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression,
                SyntaxKind.SimpleLambdaExpression);
        });
    }

    /// <summary>Local functions and lambdas without attributes (nearly all of them) are passed over without binding.</summary>
    private static void CheckFunction(SyntaxNodeAnalysisContext context, FanoutSymbols symbols)
    {
        var (attributes, symbol) = context.Node switch
        {
            LocalFunctionStatementSyntax local when local.AttributeLists.Count > 0 => (local.AttributeLists.Count, context.SemanticModel.GetDeclaredSymbol(local, context.CancellationToken)),
            LambdaExpressionSyntax lambda when lambda.AttributeLists.Count > 0 => (lambda.AttributeLists.Count, context.SemanticModel.GetSymbolInfo(lambda, context.CancellationToken).Symbol),
            _ => (0, null),
        };
        if (attributes > 0 && symbol is IMethodSymbol method)
        {
            Check(context.ReportDiagnostic, symbols, method, context.CancellationToken);
        }
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
