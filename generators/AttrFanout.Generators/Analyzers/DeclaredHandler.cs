using AttrFanout.Generators.Model;
using AttrFanout.Generators.Parsing;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Generators.Analyzers;

/// <summary>What the compilation-end checks need to know about one <c>[OnEvent]</c> method of this project.</summary>
internal sealed class DeclaredHandler
{
    private DeclaredHandler(string handler, string? eventName, Location eventNameLocation, string id, Location idLocation, ITypeSymbol? payloadType, Location payloadLocation, bool hasSignatureProblem, IReadOnlyList<DeclaredScope> scopes, IReadOnlyList<DeclaredTrigger> triggers)
    {
        Triggers = triggers;
        Scopes = scopes;
        HasSignatureProblem = hasSignatureProblem;
        Handler = handler;
        EventName = eventName;
        EventNameLocation = eventNameLocation;
        Id = id;
        IdLocation = idLocation;
        PayloadType = payloadType;
        PayloadLocation = payloadLocation;
    }

    /// <summary>The handler as shown in messages, e.g. <c>MyApp.Welcome.Send</c>.</summary>
    public string Handler { get; }

    /// <summary>The event subscribed to; null when it is not written or cannot be determined at build time (AF0021).</summary>
    public string? EventName { get; }

    public Location EventNameLocation { get; }

    /// <summary>The explicit or derived function Id.</summary>
    public string Id { get; }

    /// <summary>The <c>Id</c> argument when written, else the method name.</summary>
    public Location IdLocation { get; }

    public ITypeSymbol? PayloadType { get; }

    public Location PayloadLocation { get; }

    /// <summary>Whether AF0004 is reported for the signature, so its payload type is no basis for AF0003.</summary>
    public bool HasSignatureProblem { get; }

    /// <summary>
    /// The function's triggers when it has several (its <c>[OnEvent]</c> attributes, then its <c>[OnSchedule]</c>); empty for a
    /// function with one, whose trigger is <see cref="EventName"/>.
    /// </summary>
    public IReadOnlyList<DeclaredTrigger> Triggers { get; }

    /// <summary>The named concurrency scopes the handler limits, with a positive limit.</summary>
    public IReadOnlyList<DeclaredScope> Scopes { get; }

    public static DeclaredHandler? From(IMethodSymbol method, FanoutSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        var attributes = symbols.OnEvents(method);
        if (attributes.Count == 0 || method.Locations.Length == 0)
        {
            return null;
        }

        var methodName = method.Locations[0];
        var all = attributes.Select(a => (Attribute: a, Settings: OnEventSettings.From(a, compilation, null, cancellationToken))).ToList();
        var (attribute, settings) = all[0];
        var schedule = symbols.OnSchedule(method);
        var shape = HandlerShape.Of(method, symbols.Types);
        if (all.Count == 1 && schedule is null)
        {
            return new DeclaredHandler(
                SymbolNames.Handler(method),
                settings.EventName,
                AttributeLocations.FirstArgument(attribute, methodName, cancellationToken),
                settings.ResolveId(method),
                AttributeLocations.NamedArgument(attribute, "Id", cancellationToken) ?? methodName,
                shape.PayloadType,
                PayloadParameterType(method, shape, cancellationToken) ?? methodName,
                shape.SignatureProblem is not null,
                ReadScopes(method, symbols, cancellationToken),
                []);
        }

        var scheduleSettings = schedule is null ? null : ScheduleSettings.From(schedule);
        var shared = TriggerSettings.Merge(method, all, schedule is null ? null : (schedule, scheduleSettings!));
        var idAttribute = all.FirstOrDefault(static a => a.Settings.ExplicitId is not null).Attribute ?? (scheduleSettings?.ExplicitId is not null ? schedule : null);
        var triggers = all
            .Select(a => new DeclaredTrigger(a.Settings.EventName, AttributeLocations.FirstArgument(a.Attribute, methodName, cancellationToken), null))
            .ToList();
        if (schedule is not null && symbols.ScheduledTick is { } tick)
        {
            triggers.Add(new DeclaredTrigger(null, AttributeLocations.FirstArgument(schedule, methodName, cancellationToken), tick));
        }

        return new DeclaredHandler(
            SymbolNames.Handler(method),
            settings.EventName,
            triggers[0].Location,
            shared.Id,
            (idAttribute is null ? null : AttributeLocations.NamedArgument(idAttribute, "Id", cancellationToken)) ?? methodName,
            shape.PayloadType,
            PayloadParameterType(method, shape, cancellationToken) ?? methodName,
            TriggerShape.Problem(shape, triggers.Count) is not null || TakesTickWithEvents(shape, symbols, schedule),
            ReadScopes(method, symbols, cancellationToken),
            triggers);
    }

    /// <summary>Whether a handler with <c>[OnSchedule]</c> and <c>[OnEvent]</c> takes <c>ScheduledTick</c>, which only its schedule's runs carry (AF0036).</summary>
    public static bool TakesTickWithEvents(HandlerShape shape, FanoutSymbols symbols, AttributeData? schedule) =>
        schedule is not null && shape.PayloadType is { } payload && SymbolEqualityComparer.Default.Equals(payload, symbols.ScheduledTick);

    private static IReadOnlyList<DeclaredScope> ReadScopes(IMethodSymbol method, FanoutSymbols symbols, CancellationToken cancellationToken)
    {
        List<DeclaredScope>? scopes = null;
        foreach (var (attribute, kind) in symbols.Types.FlowAttributes.On(method))
        {
            if (kind == FlowAttributeKind.Concurrency &&
                attribute.ConstructorArguments.FirstOrDefault().Value is int limit and > 0 &&
                attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Scope").Value.Value is string scope &&
                !string.IsNullOrWhiteSpace(scope))
            {
                var location = AttributeLocations.NamedArgument(attribute, "Scope", cancellationToken) ?? method.Locations[0];
                (scopes ??= []).Add(new DeclaredScope(scope, limit, location));
            }
        }

        return scopes ?? [];
    }

    private static Location? PayloadParameterType(IMethodSymbol method, HandlerShape shape, CancellationToken cancellationToken)
    {
        for (var i = 0; i < shape.Parameters.Length; i++)
        {
            if (shape.Parameters[i] is HandlerParameterKind.Payload or HandlerParameterKind.Envelope or HandlerParameterKind.PayloadList or HandlerParameterKind.EnvelopeList)
            {
                var reference = method.Parameters[i].DeclaringSyntaxReferences.FirstOrDefault();
                return (reference?.GetSyntax(cancellationToken) as ParameterSyntax)?.Type?.GetLocation();
            }
        }

        return null;
    }
}
