using AttrFanout.Generators.Model;

namespace AttrFanout.Generators.Parsing;

/// <summary>What a handler with several triggers may not be: its payload is optional, and it cannot take <c>Event&lt;T&gt;</c> (AF0049).</summary>
internal static class TriggerShape
{
    /// <summary>Why the handler cannot serve its <paramref name="triggers"/> triggers, or null; reported as AF0004, AF0008 or AF0049.</summary>
    public static string? Problem(HandlerShape shape, int triggers)
    {
        if (shape.ReachabilityProblem is { } reachability)
        {
            return reachability;
        }

        if (shape.SignatureProblem is { } problem && !(shape.PayloadType is null && problem == HandlerShape.NoPayloadProblem))
        {
            return problem;
        }

        return triggers > 1 && shape.Parameters.Contains(HandlerParameterKind.Envelope) ? EnvelopeProblem : null;
    }

    /// <summary>The reason of AF0049.</summary>
    public const string EnvelopeProblem = "Event<T> carries one event's payload";
}
