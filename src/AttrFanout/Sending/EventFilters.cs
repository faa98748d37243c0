namespace AttrFanout.Sending;

/// <summary>
/// Asks a function's filter (<see cref="OnEventAttribute.When"/>) whether an event starts a run of it; a filter that throws
/// fails the send with a <see cref="FilterFailedException"/> naming the function, and nothing is accepted.
/// </summary>
internal static class EventFilters
{
    public static bool Accepts(FunctionDescriptor function, EventEnvelope envelope)
    {
        try
        {
            return function.Accepts(envelope);
        }
        catch (Exception error)
        {
            throw new FilterFailedException(
                $"The filter of function '{function.Id}' ({function.Handler}) threw {error.GetType().Name} for event '{envelope.Id}' ('{envelope.Name}'); nothing was accepted.",
                error);
        }
    }
}

/// <summary>A filter that threw for an event; it names the function and the event. The send accepted nothing.</summary>
internal sealed class FilterFailedException(string message, Exception innerException) : InvalidOperationException(message, innerException);
