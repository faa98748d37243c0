using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Parsing;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// Checks the flow-control attributes of each method with the generator's own parser: keys (AF0022, AF0023, AF0032), the
/// priority method (AF0024), limits and periods (AF0025, AF0026), the number of concurrency limits (AF0027), idempotency
/// without a key (AF0029), contradictions (AF0030), flow control on a method without <c>[OnEvent]</c> (AF0031), a blank scope
/// or priority method (AF0052) and a per-process <c>[OnEvent(Concurrency)]</c> that a function-wide limit leaves unreachable (AF0053).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlowControlAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key of the corrected key in <see cref="Diagnostic.Properties"/> of AF0022, when a nearest member exists.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.UnknownKeyMember,
        Descriptors.InvalidKeyMethod,
        Descriptors.InvalidPriorityMethod,
        Descriptors.InvalidFlowLimit,
        Descriptors.InvalidFlowPeriod,
        Descriptors.TooManyConcurrencyLimits,
        Descriptors.IdempotencyWithoutKey,
        Descriptors.ContradictoryFlowControl,
        Descriptors.FlowControlWithoutOnEvent,
        Descriptors.KeyTextNotStable,
        Descriptors.BlankFlowSetting,
        Descriptors.PerProcessConcurrencyNeverBinds,
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

        var flowAttributes = symbols.Types.FlowAttributes.On(method).ToList();
        if (flowAttributes.Count == 0)
        {
            return;
        }

        var methodName = method.Locations[0];
        var scheduledTick = ScheduledTickOf(method, context.Compilation);
        if (symbols.OnEventOnAnyTarget(method) is null && scheduledTick is null)
        {
            foreach (var (attribute, kind) in flowAttributes)
            {
                var location = AttributeLocations.Whole(attribute, methodName, context.CancellationToken);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.FlowControlWithoutOnEvent, location, kind.ToString(), SymbolNames.Handler(method)));
            }

            return;
        }

        if (scheduledTick is null && symbols.OnEvent(method) is null)
        {
            return;
        }

        var handlerPayload = HandlerShape.Of(method, symbols.Types).PayloadType is { TypeKind: not TypeKind.Error } type ? type : null;
        var triggers = symbols.OnEvents(method).Count + (scheduledTick is null ? 0 : 1);
        var payload = triggers > 1
            ? handlerPayload ?? context.Compilation.GetSpecialType(SpecialType.System_Object)
            : scheduledTick ?? handlerPayload;
        var reading = FlowControlParser.Read(method, payload, context.Compilation, symbols.Types, context.CancellationToken);
        foreach (var problem in reading.Problems)
        {
            var properties = problem.Suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, problem.Suggestion);
            context.ReportDiagnostic(Diagnostic.Create(
                problem.Descriptor, Where(problem, methodName, context.CancellationToken), properties, problem.MessageArguments));
        }

        if (reading.Model is { } flowControl)
        {
            PerProcessConcurrencyCheck.Report(context, method, flowControl, symbols.OnEvents(method));
        }
    }

    /// <summary>The payload of a scheduled function (<c>ScheduledTick</c>) when <paramref name="method"/> has <c>[OnSchedule]</c>, else null.</summary>
    private static ITypeSymbol? ScheduledTickOf(IMethodSymbol method, Compilation compilation) =>
        method.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == KnownNames.OnScheduleAttribute)
            ? compilation.GetTypeByMetadataName(KnownNames.ScheduledTick)
            : null;

    internal static Location Where(FlowProblem problem, Location methodName, CancellationToken cancellationToken)
    {
        var whole = AttributeLocations.Whole(problem.Attribute, methodName, cancellationToken);
        return problem.Argument switch
        {
            null => whole,
            FlowProblem.FirstArgument => AttributeLocations.FirstArgument(problem.Attribute, whole, cancellationToken),
            var name => AttributeLocations.NamedArgument(problem.Attribute, name, cancellationToken) ?? whole,
        };
    }
}
