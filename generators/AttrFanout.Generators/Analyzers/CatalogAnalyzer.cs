using System.Collections.Concurrent;
using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Answers the whole-compilation questions once every handler and event is known: duplicate function Ids (AF0001),
/// unknown events (AF0002), payload type mismatches (AF0003), events declared by two types (AF0007) and concurrency
/// scopes given two limits (AF0028),
/// against this project and the metadata of its references.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CatalogAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.DuplicateFunctionId,
        Descriptors.UnknownEvent,
        Descriptors.PayloadTypeMismatch,
        Descriptors.EventDeclaredTwice,
        Descriptors.ScopeLimitConflict,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        if (FanoutSymbols.From(context.Compilation) is not { } symbols)
        {
            return;
        }

        var handlers = new ConcurrentBag<DeclaredHandler>();
        var events = new ConcurrentBag<DeclaredEvent>();
        context.RegisterSymbolAction(
            c =>
            {
                if (DeclaredHandler.From((IMethodSymbol)c.Symbol, symbols, c.Compilation, c.CancellationToken) is { } handler)
                {
                    handlers.Add(handler);
                }
            },
            SymbolKind.Method);
        context.RegisterSymbolAction(
            c =>
            {
                if (DeclaredEvent.From((INamedTypeSymbol)c.Symbol, symbols, c.CancellationToken) is { } declared)
                {
                    events.Add(declared);
                }
            },
            SymbolKind.NamedType);
        context.RegisterCompilationEndAction(c => End(c, symbols, handlers, events));
    }

    private static void End(CompilationAnalysisContext context, FanoutSymbols symbols, ConcurrentBag<DeclaredHandler> handlers, ConcurrentBag<DeclaredEvent> events)
    {
        var references = ReferencedCatalog.Read(context.Compilation, symbols, context.CancellationToken);
        var ownHandlers = handlers.OrderBy(static h => h.Handler, StringComparer.Ordinal).ToArray();
        var ownEvents = events.OrderBy(static e => e.Type.ToDisplayString(), StringComparer.Ordinal).ToArray();
        var catalog = new EventCatalog(ownEvents, references.Events);
        DuplicateIdCheck.Report(context, ownHandlers, references.Functions);
        EventUsageCheck.Report(context, ownHandlers, catalog);
        EventConflictCheck.Report(context, ownEvents, catalog);
        ScopeLimitCheck.Report(context, ownHandlers, references.Functions);
    }
}
