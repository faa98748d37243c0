using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>AF0007: reports every <c>[Event]</c> type of this project whose event name another payload type also declares.</summary>
internal static class EventConflictCheck
{
    public static void Report(CompilationAnalysisContext context, IEnumerable<DeclaredEvent> events, EventCatalog catalog)
    {
        foreach (var declared in events)
        {
            var other = catalog.Find(declared.Name)?
                .Where(s => !SymbolEqualityComparer.Default.Equals(s.Type, declared.Type))
                .Select(static s => s.Description)
                .OrderBy(static d => d, StringComparer.Ordinal)
                .FirstOrDefault();
            if (other is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EventDeclaredTwice, declared.NameLocation, declared.Name, declared.Type.ToDisplayString(), other));
            }
        }
    }
}
