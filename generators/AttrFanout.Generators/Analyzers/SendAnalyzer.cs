using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// AF0016: a send (<c>SendAsync</c>, <c>SendManyAsync</c>, or any method of the runtime or a library built on it whose
/// type parameter must be an <c>IEventPayload</c>) of a type that is not an <c>[Event]</c> payload. Only invocations by
/// one of those methods' names are bound. The compiler's own CS0311 only names the interface;
/// this says what to write.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SendAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.SentTypeNotEvent];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.EventPayloadInterface) is { } payloadInterface &&
                start.Compilation.GetTypeByMetadataName(KnownNames.EventAttribute) is { } eventAttribute)
            {
                var names = SendMethodNames.From(start.Compilation, payloadInterface, start.CancellationToken);
                if (names.Count > 0)
                {
                    start.RegisterSyntaxNodeAction(c => Analyze(c, names, payloadInterface, eventAttribute), SyntaxKind.InvocationExpression);
                }
            }
        });
    }

    /// <summary>A send whose type argument breaks the constraint does not bind (CS0311), so the method is read from the syntax's symbol info.</summary>
    private static void Analyze(SyntaxNodeAnalysisContext context, HashSet<string> names, INamedTypeSymbol payloadInterface, INamedTypeSymbol eventAttribute)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (MethodName(invocation) is not { } name || !names.Contains(name))
        {
            return;
        }

        var info = context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken);
        if ((info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) is not IMethodSymbol { IsGenericMethod: true } method)
        {
            return;
        }

        var parameters = method.OriginalDefinition.TypeParameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!parameters[i].ConstraintTypes.Contains(payloadInterface, SymbolEqualityComparer.Default) ||
                method.TypeArguments[i] is not INamedTypeSymbol { TypeKind: not TypeKind.Error } sent ||
                sent.AllInterfaces.Contains(payloadInterface, SymbolEqualityComparer.Default) ||
                sent.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, eventAttribute)))
            {
                continue;
            }

            // The type's declaration rides along as an additional location, for the code fix that declares the event there.
            var declaration = sent.Locations.Where(static l => l.IsInSource).Take(1);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SentTypeNotEvent, NameLocation(invocation), declaration, sent.ToDisplayString()));
        }
    }

    private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static Location NameLocation(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.GetLocation(),
        var expression => expression.GetLocation(),
    };
}
