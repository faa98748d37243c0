namespace AttrFanout.Nats.Store;

/// <summary>
/// Asks a function's filter (<see cref="OnEventAttribute.When"/>) about an event as it is delivered: the event's sender may
/// be another service, which has no filter of this function to ask. A declined event starts no run.
/// </summary>
internal static class DeliveryFilter
{
    /// <summary>
    /// Returns the filter's answer; when it throws, <see langword="false"/> with <paramref name="failure"/>, the error the run
    /// then fails with.
    /// </summary>
    public static bool Accepts(FunctionDescriptor function, EventEnvelope envelope, out Exception? failure)
    {
        failure = null;
        try
        {
            return function.Accepts(envelope);
        }
        catch (Exception error)
        {
            failure = new InvalidOperationException(
                $"The filter of function '{function.Id}' ({function.Handler}) threw {error.GetType().Name} for event '{envelope.Id}' ('{envelope.Name}').",
                error);
            return false;
        }
    }
}
