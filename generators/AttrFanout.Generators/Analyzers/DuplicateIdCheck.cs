using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// AF0001: reports every handler of this project whose function Id is also used by another handler, here or in a reference
/// (a referenced function with several triggers is named once).
/// </summary>
internal static class DuplicateIdCheck
{
    public static void Report(CompilationAnalysisContext context, IReadOnlyList<DeclaredHandler> handlers, IEnumerable<ReferencedFunction> referenced)
    {
        var owners = new Dictionary<string, List<(object Owner, string Description)>>(StringComparer.Ordinal);
        foreach (var handler in handlers.Where(static h => FanoutNames.IsValidFunctionId(h.Id)))
        {
            Add(owners, handler.Id, handler, $"'{handler.Handler}'");
        }

        foreach (var function in referenced)
        {
            Add(owners, function.Id, function, $"'{function.Handler}' in '{function.Assembly}'");
        }

        foreach (var handler in handlers)
        {
            if (!owners.TryGetValue(handler.Id, out var all) || all.Count < 2)
            {
                continue;
            }

            var others = all
                .Where(o => !ReferenceEquals(o.Owner, handler))
                .Select(static o => o.Description)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(static d => d, StringComparer.Ordinal);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DuplicateFunctionId, handler.IdLocation, handler.Id, handler.Handler, string.Join(", ", others)));
        }
    }

    private static void Add(Dictionary<string, List<(object Owner, string Description)>> owners, string id, object owner, string description)
    {
        if (!owners.TryGetValue(id, out var list))
        {
            owners[id] = list = [];
        }

        list.Add((owner, description));
    }
}
