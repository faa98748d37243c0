using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using AttrFanout.Generators.Parsing.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Reports AF0011 at every member of an <c>[Event]</c> payload's type graph that the generated JSON metadata cannot handle,
/// and AF0017 at every member written to JSON but never read back, AF0019 at every public field left out for want of
/// <c>[JsonInclude]</c>, using the same walker that decides what the generator emits. Events with a <c>JsonContext</c> are
/// not walked; the context must derive from <c>JsonSerializerContext</c> and list the payload type, and <c>JsonNaming</c>
/// beside it is reported as ignored (AF0018).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadSerializationAnalyzer : DiagnosticAnalyzer
{
    private const string WalkerAdvice = "; supply a JsonSerializerContext with [Event(..., JsonContext = typeof(...))]";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.PayloadNotSerializable, Descriptors.PayloadMemberNotReadBack, Descriptors.JsonNamingIgnored, Descriptors.PayloadFieldNotSerialized];

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
            if (EventJsonParser.NamingPolicy(attribute) is { } naming)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.JsonNamingIgnored, AttributeLocation(context, attribute, type), eventName, naming, jsonContext.ToDisplayString()));
            }

            if (!EventJsonParser.IsSerializerContext(jsonContext))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PayloadNotSerializable,
                    AttributeLocation(context, attribute, type),
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

        foreach (var loss in graph.Losses)
        {
            if (loss.Member?.Locations.FirstOrDefault(static l => l.IsInSource) is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PayloadMemberNotReadBack, location, loss.Subject, eventName, loss.Reason));
            }
        }

        foreach (var field in graph.SkippedFields)
        {
            if (field.Member?.Locations.FirstOrDefault(static l => l.IsInSource) is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PayloadFieldNotSerialized, location, field.Subject, eventName, field.Reason));
            }
        }
    }

    private static Location? AttributeLocation(SymbolAnalysisContext context, AttributeData attribute, INamedTypeSymbol type) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
}
