using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>The registration the method analyzers share: every method of a compilation that references AttrFanout, with its symbols resolved once.</summary>
internal static class MethodAnalysis
{
    /// <summary>Calls <paramref name="analyze"/> for each method when the compilation references AttrFanout.</summary>
    public static void Register(AnalysisContext context, Action<SymbolAnalysisContext, FanoutSymbols> analyze) =>
        context.RegisterCompilationStartAction(start =>
        {
            if (FanoutSymbols.From(start.Compilation) is { } symbols)
            {
                start.RegisterSymbolAction(c => analyze(c, symbols), SymbolKind.Method);
            }
        });
}
