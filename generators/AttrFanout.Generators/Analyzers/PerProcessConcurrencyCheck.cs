using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Model.FlowControl;
using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// AF0053: <c>[OnEvent(Concurrency = N)]</c>, a limit in one process, beside a function-wide <c>[Concurrency(M)]</c> (no
/// <c>Key</c>, no <c>Scope</c>), a limit over every process together, with N at least M: the per-process limit never binds.
/// </summary>
internal static class PerProcessConcurrencyCheck
{
    public static void Report(SymbolAnalysisContext context, IMethodSymbol method, FlowControlModel flowControl, IReadOnlyList<AttributeData> onEvents)
    {
        var functionWide = flowControl.Concurrency.Where(static c => c.Key is null && c.Scope is null).Select(static c => c.Limit).DefaultIfEmpty(0).Min();
        if (functionWide <= 0)
        {
            return;
        }

        foreach (var onEvent in onEvents)
        {
            if (onEvent.NamedArguments.FirstOrDefault(static a => a.Key == "Concurrency").Value.Value is int perProcess && perProcess >= functionWide &&
                AttributeLocations.NamedArgument(onEvent, "Concurrency", context.CancellationToken) is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PerProcessConcurrencyNeverBinds, location, SymbolNames.Handler(method), perProcess, functionWide));
            }
        }
    }
}
