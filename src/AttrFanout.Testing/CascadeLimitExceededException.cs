namespace AttrFanout.Testing;

/// <summary>
/// A cascade sent more events than <see cref="RunDriverOptions.MaxCascadeEvents"/> allows: most often functions that send,
/// directly or through others, the event they handle. The message names the loop.
/// </summary>
public sealed class CascadeLimitExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CascadeLimitExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CascadeLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CascadeLimitExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the loop found, event names and function Ids alternating, e.g. <c>ping → echo → pong → reply → ping</c>; empty when no hop repeats.</summary>
    public string Cycle { get; private init; } = "";

    internal static CascadeLimitExceededException For(IReadOnlyList<ObservedEvent> events, IReadOnlyDictionary<string, FunctionRun> runs, int limit)
    {
        var cycle = CascadeCycle.Find(events, runs);
        var loop = cycle.Length > 0
            ? $"It loops: {cycle}."
            : $"No event repeats along one chain; the last is {events[^1].EventName}.";
        return new CascadeLimitExceededException(
            $"The cascade did not end: more than {limit} events were sent (RunDriverOptions.MaxCascadeEvents). {loop} " +
            "Make a function stop sending the event that leads back to it, or raise the limit.")
        {
            Cycle = cycle,
        };
    }
}
