using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>AF0028: reports every concurrency scope of this project given a limit that another function, here or in a reference, gives differently.</summary>
internal static class ScopeLimitCheck
{
    public static void Report(CompilationAnalysisContext context, IReadOnlyList<DeclaredHandler> handlers, IEnumerable<ReferencedFunction> referenced)
    {
        var limits = new Dictionary<string, List<(int Limit, string Owner)>>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            foreach (var scope in handler.Scopes)
            {
                Add(limits, scope.Scope, scope.Limit, $"'{handler.Handler}'");
            }
        }

        foreach (var function in referenced)
        {
            foreach (var (scope, limit) in function.Scopes)
            {
                Add(limits, scope, limit, $"'{function.Handler}' in '{function.Assembly}'");
            }
        }

        foreach (var handler in handlers)
        {
            foreach (var scope in handler.Scopes)
            {
                var others = limits[scope.Scope]
                    .Where(o => o.Limit != scope.Limit)
                    .Select(static o => $"{o.Limit} by {o.Owner}")
                    .Distinct()
                    .OrderBy(static o => o, StringComparer.Ordinal)
                    .ToArray();
                if (others.Length > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.ScopeLimitConflict, scope.Location, scope.Scope, scope.Limit, handler.Handler, "it is given " + string.Join(", ", others)));
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<(int Limit, string Owner)>> limits, string scope, int limit, string owner)
    {
        if (!limits.TryGetValue(scope, out var list))
        {
            limits[scope] = list = [];
        }

        list.Add((limit, owner));
    }
}
