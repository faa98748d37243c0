using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using AttrFanout.Generators.Parsing.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Reports AF0011 at every member of an <c>[Event]</c> payload's type graph that the generated JSON metadata cannot handle,
/// using the same walker that decides what the generator emits. Events with a <c>JsonContext</c> are not walked; the
/// context must derive from <c>JsonSerializerContext</c> and list the payload type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadSerializationAnalyzer : DiagnosticAnalyzer
{
    private const string WalkerAdvice = "; supply a JsonSerializerContext with [Event(..., JsonContext = typeof(...))]";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.PayloadNotSerializable];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.EventAttribute) is { } eventAttribute)
            {
                start.RegisterSymbolAction(symbol => Analyze(symbol, eventAttribute), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol eventAttribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, eventAttribute));
        // A type that cannot be a payload at all (AF0009) or be named by generated code (AF0014) is reported once, there.
        if (attribute is null || EventParser.PartialProblem(type) is not null || Reachability.TypeNameProblem(type) is not null)
        {
            return;
        }

        var eventName = EventParser.EventName(attribute) ?? type.Name;
        if (EventJsonParser.JsonContext(attribute) is { } jsonContext)
        {
            if (!EventJsonParser.IsSerializerContext(jsonContext))
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PayloadNotSerializable,
                    location,
                    $"The JsonContext '{jsonContext.ToDisplayString()}'",
                    eventName,
                    "it does not derive from JsonSerializerContext"));
            }
            else if (!EventJsonParser.Lists(jsonContext, type))
            {
                var location = AttributeLocations.NamedArgument(attribute, EventJsonParser.JsonContextProperty, context.CancellationToken) ?? type.Locations.FirstOrDefault();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PayloadNotSerializable,
                    location,
                    $"The payload type '{type.ToDisplayString()}'",
                    eventName,
                    $"its JsonContext '{jsonContext.ToDisplayString()}' does not list it; add [JsonSerializable(typeof({type.ToDisplayString()}))] to '{jsonContext.ToDisplayString()}'"));
            }

            return;
        }
        var graph = PayloadTypeWalker.Walk(type, context.Compilation.Assembly, context.CancellationToken);
        foreach (var problem in graph.Problems)
        {
            var location = problem.Member?.Locations.FirstOrDefault(static l => l.IsInSource) ?? type.Locations.FirstOrDefault(static l => l.IsInSource);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PayloadNotSerializable, location, problem.Subject, eventName, problem.Reason + WalkerAdvice));
        }
    }
}
