using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>
/// Reads the flow-control attributes of a handler (<c>[Concurrency]</c> up to two, <c>[Throttle]</c>, <c>[RateLimit]</c>,
/// <c>[Singleton]</c>, <c>[Priority]</c>, <c>[Idempotency]</c>) into a <see cref="FlowControlModel"/>, resolving every key
/// against the payload type. The generator and the analyzers share it, so they cannot disagree.
/// </summary>
internal sealed class FlowControlParser
{
    public const int MaxConcurrencyRules = 2;
    public const int MaxPeriodSeconds = 7 * 24 * 60 * 60;

    private readonly IMethodSymbol _method;
    private readonly ITypeSymbol? _payload;
    private readonly Compilation _compilation;
    private readonly KnownTypes _types;
    private readonly string _handler;
    private readonly ImmutableArray<FlowProblem>.Builder _problems = ImmutableArray.CreateBuilder<FlowProblem>();
    private bool _unresolved;

    private FlowControlParser(IMethodSymbol method, ITypeSymbol? payload, Compilation compilation, KnownTypes types)
    {
        _method = method;
        _payload = payload;
        _compilation = compilation;
        _types = types;
        _handler = SymbolNames.Handler(method);
    }

    /// <summary>Reads the rules of <paramref name="method"/>; <paramref name="payload"/> is null when the handler's payload is unknown, leaving keys unresolved.</summary>
    public static FlowControlReading Read(IMethodSymbol method, ITypeSymbol? payload, Compilation compilation, KnownTypes types, CancellationToken cancellationToken)
    {
        var attributes = types.FlowAttributes.On(method).ToList();
        if (attributes.Count == 0)
        {
            return FlowControlReading.None;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new FlowControlParser(method, payload, compilation, types).Read(attributes);
    }

    private FlowControlReading Read(List<(AttributeData Attribute, FlowAttributeKind Kind)> attributes)
    {
        var concurrency = new List<(AttributeData Attribute, ConcurrencyModel Model, string? Key)>();
        ThrottleModel? throttle = null;
        RateLimitModel? rateLimit = null;
        (AttributeData Attribute, SingletonModel Model, string? Key)? singleton = null;
        PriorityModel? priority = null;
        IdempotencyModel? idempotency = null;
        var concurrencyCount = attributes.Count(static a => a.Kind == FlowAttributeKind.Concurrency);
        foreach (var (attribute, kind) in attributes)
        {
            if (attribute.AttributeConstructor is null)
            {
                _unresolved = true;
                continue;
            }

            var key = Named<string>(attribute, "Key");
            switch (kind)
            {
                case FlowAttributeKind.Concurrency:
                    if (concurrency.Count == MaxConcurrencyRules)
                    {
                        Add(Descriptors.TooManyConcurrencyLimits, attribute, null, _handler, concurrencyCount);
                        continue;
                    }

                    concurrency.Add((attribute, new ConcurrencyModel(Limit(attribute, kind, "Limit"), Key(attribute, kind, key), Scope(attribute)), key));
                    break;
                case FlowAttributeKind.Throttle:
                    throttle = new ThrottleModel(
                        Limit(attribute, kind, "Limit"), Period(attribute, kind, 60), Limit(attribute, kind, "Burst", 1), Key(attribute, kind, key));
                    break;
                case FlowAttributeKind.RateLimit:
                    rateLimit = new RateLimitModel(Limit(attribute, kind, "Limit"), Period(attribute, kind, 60), Key(attribute, kind, key));
                    break;
                case FlowAttributeKind.Singleton:
                    singleton = (attribute, new SingletonModel(Named(attribute, "Mode", 0), Key(attribute, kind, key)), key);
                    break;
                case FlowAttributeKind.Priority:
                    priority = Priority(attribute);
                    break;
                case FlowAttributeKind.Idempotency:
                    var period = Period(attribute, kind, 86_400);
                    if (key is null)
                    {
                        Add(Descriptors.IdempotencyWithoutKey, attribute, null, _handler);
                    }
                    else if (Key(attribute, kind, key) is { } idempotencyKey)
                    {
                        idempotency = new IdempotencyModel(idempotencyKey, period);
                    }

                    break;
            }
        }

        if (singleton is { } single)
        {
            ReportContradictions(single.Key, concurrency);
        }

        var problems = _problems.ToImmutable();
        var model = _unresolved || problems.Any(static p => p.IsError)
            ? null
            : new FlowControlModel(concurrency.Select(static c => c.Model).ToEquatableArray(), throttle, rateLimit, singleton?.Model, priority, idempotency);
        return new FlowControlReading(model, problems);
    }

    /// <summary>AF0030: a <c>[Concurrency]</c> above 1 on the key of the function's <c>[Singleton]</c>, which lets only one run be active.</summary>
    private void ReportContradictions(string? singletonKey, List<(AttributeData Attribute, ConcurrencyModel Model, string? Key)> concurrency)
    {
        foreach (var rule in concurrency.Where(c => c.Model.Scope is null && c.Model.Limit > 1 && c.Key == singletonKey))
        {
            var limit = rule.Model.Limit;
            var contradiction = singletonKey is null
                ? $"[Singleton] allows one active run of the function, but [Concurrency({limit})] allows {limit}"
                : $"[Singleton] allows one active run per key '{singletonKey}', but [Concurrency({limit})] on the same key allows {limit}";
            Add(Descriptors.ContradictoryFlowControl, rule.Attribute, FlowProblem.FirstArgument, _handler, contradiction + "; remove one of them or key them differently");
        }
    }

    private KeyModel? Key(AttributeData attribute, FlowAttributeKind kind, string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (_payload is null)
        {
            _unresolved = true;
            return null;
        }

        return KeyReader.Read(key, kind.ToString(), attribute, _method, _payload, _compilation, _types, _problems);
    }

    /// <summary>The <c>Scope</c> as written; AF0052 when it is blank, which would otherwise share one nameless limit.</summary>
    private string? Scope(AttributeData attribute)
    {
        var scope = Named<string>(attribute, "Scope");
        if (scope is not null && string.IsNullOrWhiteSpace(scope))
        {
            Add(Descriptors.BlankFlowSetting, attribute, "Scope", "Scope", nameof(FlowAttributeKind.Concurrency), _handler,
                "a scope names a limit shared across functions and must be a non-blank name; name the scope, or leave Scope out for the function's own limit");
        }

        return scope;
    }

    private PriorityModel? Priority(AttributeData attribute)
    {
        var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        if (string.IsNullOrWhiteSpace(name))
        {
            Add(Descriptors.BlankFlowSetting, attribute, FlowProblem.FirstArgument, "method name", nameof(FlowAttributeKind.Priority), _handler,
                $"it must name the static method of '{_method.ContainingType.ToDisplayString()}' that gives each run its priority, 'static int M(TPayload payload)'; write its name (nameof(M)), or remove [Priority]");
            return null;
        }

        if (_payload is null)
        {
            _unresolved = true;
            return null;
        }

        var container = _method.ContainingType;
        var candidates = KeyResolver.Candidates(container, name, _payload);
        var method = candidates.FirstOrDefault(m => KeyResolver.MethodProblem(m, _payload, _compilation, returnsInt: true) is null);
        if (method is null)
        {
            var reason = candidates.Length == 0
                ? $"'{container.ToDisplayString()}' has no method '{name}'"
                : KeyResolver.MethodProblem(candidates[0], _payload, _compilation, returnsInt: true)!;
            Add(Descriptors.InvalidPriorityMethod, attribute, FlowProblem.FirstArgument, name, _handler, reason, _payload.ToDisplayString(), container.ToDisplayString());
            return null;
        }

        return new PriorityModel(name, $"{SymbolNames.Fqn(container)}.{SymbolNames.Identifier(method.Name)}(({SymbolNames.Fqn(_payload)})p)");
    }

    private int Limit(AttributeData attribute, FlowAttributeKind kind, string name, int fallback = 0)
    {
        var value = name == "Limit" ? attribute.ConstructorArguments.FirstOrDefault().Value as int? ?? fallback : Named(attribute, name, fallback);
        if (value <= 0)
        {
            Add(Descriptors.InvalidFlowLimit, attribute, name == "Limit" ? FlowProblem.FirstArgument : name, kind.ToString(), _handler, name, value);
        }

        return value;
    }

    private int Period(AttributeData attribute, FlowAttributeKind kind, int fallback)
    {
        var value = Named(attribute, "PeriodSeconds", fallback);
        if (value is < 1 or > MaxPeriodSeconds)
        {
            Add(Descriptors.InvalidFlowPeriod, attribute, "PeriodSeconds", kind.ToString(), _handler, value);
        }

        return value;
    }

    private static T? Named<T>(AttributeData attribute, string name) where T : class =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as T;

    private static int Named(AttributeData attribute, string name, int fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as int? ?? fallback;

    private void Add(DiagnosticDescriptor descriptor, AttributeData attribute, string? argument, params object[] arguments) =>
        _problems.Add(new FlowProblem(descriptor, attribute, argument, arguments));
}
