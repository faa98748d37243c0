using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>AF0002 and AF0003: each handler subscribes to a declared event and takes the payload type it is declared with.</summary>
internal static class EventUsageCheck
{
    /// <summary>The key of the suggested event name in <see cref="Diagnostic.Properties"/> of AF0002.</summary>
    public const string SuggestionProperty = "Suggestion";

    public static void Report(CompilationAnalysisContext context, IEnumerable<DeclaredHandler> handlers, EventCatalog catalog)
    {
        foreach (var handler in handlers)
        {
            if (handler.EventName is not { } name || !FanoutNames.IsValidEventName(name))
            {
                continue;
            }

            if (catalog.Find(name) is null)
            {
                context.ReportDiagnostic(UnknownEvent(handler, name, catalog));
            }
            else if (catalog.SinglePayloadType(name) is { } expected &&
                !IsGeneric(expected) &&
                !handler.HasSignatureProblem &&
                handler.PayloadType is { TypeKind: not TypeKind.Error } actual &&
                !SymbolEqualityComparer.Default.Equals(actual, expected))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PayloadTypeMismatch,
                    handler.PayloadLocation,
                    handler.Handler,
                    actual.ToDisplayString(),
                    name,
                    expected.ToDisplayString()));
            }
        }
    }

    /// <summary>A generic payload type is rejected on its own (AF0009); there is no one type to advise taking.</summary>
    private static bool IsGeneric(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static Diagnostic UnknownEvent(DeclaredHandler handler, string name, EventCatalog catalog)
    {
        var suggestion = FanoutNames.FindNearest(name, catalog.Names);
        var advice = suggestion is null
            ? $"declare it with [Event(\"{name}\")] on its payload type, or subscribe to a declared event"
            : $"did you mean '{suggestion}'?";
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        return Diagnostic.Create(Descriptors.UnknownEvent, handler.EventNameLocation, properties, name, handler.Handler, advice);
    }
}
