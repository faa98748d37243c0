using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Model.FlowControl;
using AttrFanout.Generators.Model.Triggers;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Triggers;

/// <summary>
/// Reads one <c>[CancelOn]</c>: its event (AF0044), its settings (AF0047), its <c>Match</c> resolved over both payloads with
/// one type (AF0045) or its <c>If</c> method (AF0046).
/// </summary>
internal sealed class CancelOnParser(
    IMethodSymbol method, ITypeSymbol? payload, Compilation compilation, KnownTypes types, ImmutableArray<FlowProblem>.Builder problems)
{
    private readonly string _handler = SymbolNames.Handler(method);

    /// <summary>The rule, or null when it cannot be emitted (a problem is recorded, or the payloads are unknown).</summary>
    public CancelOnModel? Read(AttributeData attribute, CancellationToken cancellationToken)
    {
        var name = EventNameArgument.Read(attribute, compilation, null, cancellationToken);
        string? match = null, condition = null;
        var timeout = TriggerParser.NotSet;
        foreach (var (argument, value) in OnEventSettings.NamedArguments(attribute, compilation, null, cancellationToken))
        {
            switch (argument)
            {
                case "Match":
                    match = value as string;
                    break;
                case "If":
                    condition = value as string;
                    break;
                case "TimeoutSeconds":
                    timeout = value as int? ?? TriggerParser.NotSet;
                    break;
            }
        }

        var shown = name.Name ?? "";
        var valid = true;
        if (timeout != TriggerParser.NotSet && timeout <= 0)
        {
            valid = Add(Descriptors.InvalidCancelOnSetting, attribute, "TimeoutSeconds", shown, _handler,
                $"TimeoutSeconds = {timeout} is not positive; use 1 or more, or leave it unset to watch for as long as the run is not over");
        }

        if (match is not null && condition is not null)
        {
            valid = Add(Descriptors.InvalidCancelOnSetting, attribute, "If", shown, _handler,
                "it has both Match and If; give one of them: Match compares one member of both payloads, If calls a method with both");
        }

        var cancelling = Cancelling(attribute, name);
        if (!valid || cancelling is { Problem: true })
        {
            return null;
        }

        if (match is null && condition is null)
        {
            return new CancelOnModel(shown, Timeout(timeout), null, null, null);
        }

        if (payload is null || cancelling.Payload is null)
        {
            return null;
        }

        return match is not null
            ? Match(attribute, shown, timeout, match, payload, cancelling.Payload)
            : Condition(attribute, shown, timeout, condition!, payload, cancelling.Payload);
    }

    private static int? Timeout(int timeout) => timeout == TriggerParser.NotSet ? null : timeout;

    /// <summary>The cancelling event's payload type, null when it is declared by two types (AF0007); a problem when it cannot be found.</summary>
    private (bool Problem, ITypeSymbol? Payload) Cancelling(AttributeData attribute, EventNameValue name)
    {
        if (!name.IsDetermined)
        {
            Add(Descriptors.UnknownCancellingEvent, attribute, FlowProblem.FirstArgument, _handler,
                "its name cannot be determined at build time; write a string literal, the EventName constant of an [Event] type (T.EventName), or a const string initialized with one of these");
            return (true, null);
        }

        if (!FanoutNames.IsValidEventName(name.Name))
        {
            Add(Descriptors.UnknownCancellingEvent, attribute, FlowProblem.FirstArgument, _handler, $"'{name.Name}' is not a valid event name; use {FanoutNames.EventNameRule}");
            return (true, null);
        }

        var events = EventPayloads.From(compilation);
        if (!events.Contains(name.Name!))
        {
            var nearest = FanoutNames.FindNearest(name.Name!, events.Names);
            var advice = nearest is null
                ? $"no [Event] in this project or its references declares '{name.Name}'; declare it with [Event(\"{name.Name}\")] on its payload type"
                : $"no [Event] declares '{name.Name}'; did you mean '{nearest}'?";
            problems.Add(new FlowProblem(Descriptors.UnknownCancellingEvent, attribute, FlowProblem.FirstArgument, _handler, advice) { Suggestion = nearest });
            return (true, null);
        }

        return (false, events.Single(name.Name!));
    }

    private CancelOnModel? Match(AttributeData attribute, string eventName, int timeout, string match, ITypeSymbol run, ITypeSymbol cancelling)
    {
        var runKey = Member(attribute, eventName, match, run, "the run's payload");
        if (runKey.Model is null)
        {
            return null;
        }

        var cancellingKey = Member(attribute, eventName, match, cancelling, "the cancelling event's payload");
        if (cancellingKey.Model is null)
        {
            return null;
        }

        if (!SymbolEqualityComparer.Default.Equals(KeyText.Underlying(runKey.ValueType!), KeyText.Underlying(cancellingKey.ValueType!)))
        {
            Add(Descriptors.InvalidCancelMatch, attribute, "Match", match, eventName, _handler,
                $"it is '{runKey.ValueType!.ToDisplayString()}' on '{run.ToDisplayString()}' but '{cancellingKey.ValueType!.ToDisplayString()}' on '{cancelling.ToDisplayString()}'; name a member of one type on both payloads");
            return null;
        }

        if (runKey.UnstableType is { } unstable)
        {
            problems.Add(new FlowProblem(Descriptors.KeyTextNotStable, attribute, "Match", match, "CancelOn", _handler, unstable));
        }

        return new CancelOnModel(eventName, Timeout(timeout), runKey.Model, cancellingKey.Model, null);
    }

    private KeyResolution Member(AttributeData attribute, string eventName, string match, ITypeSymbol owner, string whose)
    {
        var resolution = KeyResolver.ResolveMember(match, owner, compilation, types);
        if (resolution.Problem is not null)
        {
            problems.Add(new FlowProblem(Descriptors.InvalidCancelMatch, attribute, "Match", match, eventName, _handler, $"on {whose}, {resolution.Reason}")
            {
                Suggestion = resolution.Suggestion,
            });
        }

        return resolution;
    }

    private CancelOnModel? Condition(AttributeData attribute, string eventName, int timeout, string name, ITypeSymbol run, ITypeSymbol cancelling)
    {
        var container = method.ContainingType;
        var candidates = container.GetMembers(name).OfType<IMethodSymbol>().Where(static m => m.MethodKind == MethodKind.Ordinary).ToArray();
        var chosen = candidates.FirstOrDefault(m => ConditionProblem(m, run, cancelling) is null);
        if (chosen is null)
        {
            var reason = candidates.Length == 0 ? $"'{container.ToDisplayString()}' has no method '{name}'" : ConditionProblem(candidates[0], run, cancelling)!;
            Add(Descriptors.InvalidCancelCondition, attribute, "If", name, eventName, _handler, reason, run.ToDisplayString(), cancelling.ToDisplayString(), container.ToDisplayString());
            return null;
        }

        var call = $"{SymbolNames.Fqn(container)}.{SymbolNames.Identifier(chosen.Name)}(({SymbolNames.Fqn(run)})run, ({SymbolNames.Fqn(cancelling)})cancelling)";
        return new CancelOnModel(eventName, Timeout(timeout), null, null, call);
    }

    /// <summary>Why <paramref name="candidate"/> cannot be called as <c>static bool M(TRun run, TCancelling cancelling)</c>, or null.</summary>
    private string? ConditionProblem(IMethodSymbol candidate, ITypeSymbol run, ITypeSymbol cancelling)
    {
        if (!candidate.IsStatic)
        {
            return "it is not static";
        }

        if (candidate.IsGenericMethod)
        {
            return "it is generic";
        }

        if (candidate.Parameters.Length != 2)
        {
            return $"it takes {candidate.Parameters.Length} parameters instead of the run's payload and the cancelling event's payload";
        }

        foreach (var (parameter, expected, whose) in new[] { (candidate.Parameters[0], run, "run's"), (candidate.Parameters[1], cancelling, "cancelling event's") })
        {
            if (parameter.RefKind is not (RefKind.None or RefKind.In) || !KeyResolver.TakesPayload(parameter.Type, expected, compilation))
            {
                return $"its parameter '{parameter.Name}' takes '{parameter.Type.ToDisplayString()}', which is not the {whose} payload type '{expected.ToDisplayString()}' or a base type or interface of it";
            }
        }

        if (candidate.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return $"it returns {candidate.ReturnType.ToDisplayString()}";
        }

        return compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly)
            ? null
            : "it is not accessible to generated code; make it internal or public";
    }

    /// <summary>Records a problem; returns false, so a caller can write <c>valid = Add(...)</c>.</summary>
    private bool Add(DiagnosticDescriptor descriptor, AttributeData attribute, string? argument, params object[] arguments)
    {
        problems.Add(new FlowProblem(descriptor, attribute, argument, arguments));
        return false;
    }
}
