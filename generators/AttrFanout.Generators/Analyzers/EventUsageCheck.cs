using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// AF0002 and AF0003: each handler subscribes to a declared event and takes the payload type it is declared with; a handler
/// with several triggers takes a type every trigger's payload converts to by an implicit reference conversion, or none.
/// </summary>
internal static class EventUsageCheck
{
    /// <summary>The key of the suggested event name in <see cref="Diagnostic.Properties"/> of AF0002.</summary>
    public const string SuggestionProperty = "Suggestion";

    private const string SeveralTriggersAdvice =
        "a function with several triggers takes a type every trigger's payload converts to (a base class or interface they share, or object), or no payload";

    public static void Report(CompilationAnalysisContext context, IEnumerable<DeclaredHandler> handlers, EventCatalog catalog)
    {
        foreach (var handler in handlers)
        {
            if (handler.Triggers.Count > 0)
            {
                ReportTriggers(context, handler, catalog);
                continue;
            }

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
                    expected.ToDisplayString(),
                    $"take '{expected.ToDisplayString()}' or Event<{expected.ToDisplayString()}>"));
            }
        }
    }

    private static void ReportTriggers(CompilationAnalysisContext context, DeclaredHandler handler, EventCatalog catalog)
    {
        foreach (var trigger in handler.Triggers)
        {
            var name = trigger.EventName;
            if (trigger.KnownPayload is null && (name is null || !FanoutNames.IsValidEventName(name)))
            {
                continue;
            }

            if (trigger.KnownPayload is null && catalog.Find(name!) is null)
            {
                context.ReportDiagnostic(UnknownEvent(handler, name!, catalog, trigger.Location));
                continue;
            }

            if ((trigger.KnownPayload ?? catalog.SinglePayloadType(name!)) is { } expected &&
                !IsGeneric(expected) &&
                !handler.HasSignatureProblem &&
                handler.PayloadType is { TypeKind: not TypeKind.Error } actual &&
                !Converts(context.Compilation, expected, actual))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PayloadTypeMismatch,
                    trigger.Location,
                    handler.Handler,
                    actual.ToDisplayString(),
                    name ?? Parsing.ScheduleParser.EventNamePrefix + handler.Id,
                    expected.ToDisplayString(),
                    SeveralTriggersAdvice));
            }
        }
    }

    /// <summary>
    /// Whether a payload of <paramref name="from"/> converts to <paramref name="to"/> as the runtime's cast of the boxed payload
    /// does: by identity, an implicit reference conversion, or boxing (a struct payload to an interface it implements, or object).
    /// </summary>
    private static bool Converts(Compilation compilation, ITypeSymbol from, ITypeSymbol to)
    {
        if (compilation is not CSharpCompilation csharp)
        {
            return true;
        }

        var conversion = csharp.ClassifyConversion(from, to);
        return conversion.IsIdentity || (conversion.IsImplicit && (conversion.IsReference || conversion.IsBoxing));
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

    private static Diagnostic UnknownEvent(DeclaredHandler handler, string name, EventCatalog catalog, Location? location = null)
    {
        var suggestion = FanoutNames.FindNearest(name, catalog.Names);
        var advice = suggestion is null
            ? $"declare it with [Event(\"{name}\")] on its payload type, or subscribe to a declared event"
            : $"did you mean '{suggestion}'?";
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        return Diagnostic.Create(Descriptors.UnknownEvent, location ?? handler.EventNameLocation, properties, name, handler.Handler, advice);
    }
}
