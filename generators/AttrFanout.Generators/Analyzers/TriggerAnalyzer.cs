using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Model;
using AttrFanout.Generators.Parsing;
using AttrFanout.Generators.Parsing.Triggers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Checks <c>[Debounce]</c>, <c>[Batch]</c> and <c>[CancelOn]</c> with the generator's own parser (AF0038, AF0039, AF0042 to
/// AF0047, and the key diagnostics AF0022, AF0023, AF0032), a batch handler's list parameter (AF0040, AF0041), and these
/// attributes on a method that is no function (AF0031).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TriggerAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key, in <see cref="Diagnostic.Properties"/> of AF0044 and AF0045, of the event name or member path to use instead.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.InvalidDebounce,
        Descriptors.InvalidBatch,
        Descriptors.BatchHandlerWithoutList,
        Descriptors.ListWithoutBatch,
        Descriptors.ForbiddenTriggerCombination,
        Descriptors.HoldOnSchedule,
        Descriptors.UnknownCancellingEvent,
        Descriptors.InvalidCancelMatch,
        Descriptors.InvalidCancelCondition,
        Descriptors.InvalidCancelOnSetting,
        Descriptors.HoldOrCancelWithSeveralTriggers,
        Descriptors.UnknownKeyMember,
        Descriptors.InvalidKeyMethod,
        Descriptors.KeyTextNotStable,
        Descriptors.FlowControlWithoutOnEvent,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        MethodAnalysis.Register(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, FanoutSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null || method.Locations.Length == 0)
        {
            return;
        }

        var methodName = method.Locations[0];
        var triggerAttributes = method.GetAttributes().Where(a => TriggerName(a, symbols.Types) is not null).ToList();
        var scheduled = method.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == KnownNames.OnScheduleAttribute);
        if (symbols.OnEventOnAnyTarget(method) is null && !scheduled)
        {
            foreach (var attribute in triggerAttributes)
            {
                var location = AttributeLocations.Whole(attribute, methodName, context.CancellationToken);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.FlowControlWithoutOnEvent, location, TriggerName(attribute, symbols.Types), SymbolNames.Handler(method)));
            }

            return;
        }

        if (!scheduled && symbols.OnEvent(method) is null)
        {
            return;
        }

        var shape = HandlerShape.Of(method, symbols.Types);
        var payload = scheduled
            ? context.Compilation.GetTypeByMetadataName(KnownNames.ScheduledTick)
            : shape.PayloadType is { TypeKind: not TypeKind.Error } type ? type : null;
        var batchWithoutList = !scheduled && !shape.TakesList && triggerAttributes.Any(a => TriggerName(a, symbols.Types) == "Batch");
        var reading = TriggerParser.Read(method, batchWithoutList ? null : payload, scheduled, context.Compilation, symbols.Types, context.CancellationToken);
        foreach (var problem in reading.Problems)
        {
            var properties = problem.Suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, problem.Suggestion);
            context.ReportDiagnostic(Diagnostic.Create(
                problem.Descriptor, FlowControlAnalyzer.Where(problem, methodName, context.CancellationToken), properties, problem.MessageArguments));
        }

        if (!scheduled && shape.SignatureProblem is null && payload is not null)
        {
            ReportListShape(context, method, shape, payload, reading.HasBatch);
        }
    }

    /// <summary>AF0040 for a <c>[Batch]</c> handler taking one payload, AF0041 for a list taken without <c>[Batch]</c>; at the parameter's type.</summary>
    private static void ReportListShape(SymbolAnalysisContext context, IMethodSymbol method, HandlerShape shape, ITypeSymbol payload, bool hasBatch)
    {
        if (hasBatch == shape.TakesList)
        {
            return;
        }

        for (var i = 0; i < shape.Parameters.Length; i++)
        {
            if (shape.Parameters[i] is HandlerParameterKind.Context or HandlerParameterKind.CancellationToken)
            {
                continue;
            }

            var parameter = method.Parameters[i];
            var location = (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) as ParameterSyntax)?.Type?.GetLocation()
                ?? method.Locations[0];
            var descriptor = hasBatch ? Descriptors.BatchHandlerWithoutList : Descriptors.ListWithoutBatch;
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor, location, SymbolNames.Handler(method), parameter.Type.ToDisplayString(), ElementOf(payload).ToDisplayString()));
            return;
        }
    }

    /// <summary>The element type of a collection taken as the payload (<c>IEnumerable&lt;Click&gt;</c>, <c>Click[]</c>), else the type itself.</summary>
    private static ITypeSymbol ElementOf(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } named when
            named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
            named.AllInterfaces.Any(static i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) => named.TypeArguments[0],
        _ => type,
    };

    private static string? TriggerName(AttributeData attribute, KnownTypes types) =>
        Is(attribute, types.DebounceAttribute) ? "Debounce" :
        Is(attribute, types.BatchAttribute) ? "Batch" :
        Is(attribute, types.CancelOnAttribute) ? "CancelOn" :
        null;

    private static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
}
