using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// The shape of an <c>[OnSchedule]</c> method: a handler whose payload, <c>ScheduledTick</c> (or its envelope), is optional.
/// </summary>
internal static class ScheduleShape
{
    /// <summary>Why the method cannot be a scheduled function (AF0035), or null; <paramref name="shape"/> is its handler shape.</summary>
    public static string? Problem(IMethodSymbol method, HandlerShape shape, ITypeSymbol? scheduledTick)
    {
        if (shape.SignatureProblem is { } problem && !(shape.PayloadType is null && problem == HandlerShape.NoPayloadProblem))
        {
            return problem.Replace("the event's payload type (or Event<T>)", "ScheduledTick");
        }

        if (shape.TakesList)
        {
            return "it takes a list, but a scheduled function runs once per tick, never with a batch; take ScheduledTick (or Event<ScheduledTick>)";
        }

        if (shape.PayloadType is { } payload && !SymbolEqualityComparer.Default.Equals(payload, scheduledTick))
        {
            var parameter = method.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, payload))?.Name ?? "?";
            return $"parameter '{parameter}' of type '{payload.ToDisplayString()}' is not what a scheduled function receives; it takes, in any order, an optional ScheduledTick (or Event<ScheduledTick>), FunctionContext and CancellationToken";
        }

        return null;
    }
}
