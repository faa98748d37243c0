using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>Checks each <c>[Event]</c> type on its own: its event name (AF0005), whether it can receive its generated plumbing (AF0009) and be named by generated code (AF0014).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.InvalidEventName, Descriptors.EventTypeNotPartial, Descriptors.EventTypeNotReachable];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (FanoutSymbols.From(start.Compilation) is { } symbols)
            {
                start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, FanoutSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.Event(type) is not { } attribute || type.Locations.Length == 0)
        {
            return;
        }

        var typeName = type.Locations[0];
        var name = EventParser.EventName(attribute);
        if (!FanoutNames.IsValidEventName(name))
        {
            var location = AttributeLocations.FirstArgument(attribute, typeName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidEventName, location, name ?? "null", type.ToDisplayString()));
        }

        if (EventParser.PartialProblem(type) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.EventTypeNotPartial, typeName, type.ToDisplayString(), problem));
        }
        else if (Reachability.TypeNameProblem(type) is { } reachability)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.EventTypeNotReachable, typeName, type.ToDisplayString(), reachability));
        }
    }
}
