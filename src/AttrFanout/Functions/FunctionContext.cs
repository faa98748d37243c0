namespace AttrFanout;

/// <summary>What a function knows about the run it is executing; take it as a handler parameter.</summary>
/// <remarks>The runtime's own context is the attempt itself, whose services scope is created on first use.</remarks>
public class FunctionContext
{
    private readonly IServiceProvider? _services;

    /// <summary>Creates a context. The runtime creates one per attempt.</summary>
    /// <param name="runId">The run's Id.</param>
    /// <param name="functionId">The function's Id.</param>
    /// <param name="eventId">The event's Id.</param>
    /// <param name="eventName">The event's name.</param>
    /// <param name="attempt">The 1-based attempt number.</param>
    /// <param name="maxAttempts">How many attempts the run may take in all.</param>
    /// <param name="services">The services of the run's scope.</param>
    public FunctionContext(string runId, string functionId, string eventId, string eventName, int attempt, int maxAttempts, IServiceProvider services)
        : this(runId, functionId, eventId, eventName, attempt, maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
    }

    /// <summary>Creates the runtime's context, whose <see cref="Services"/> are <see cref="AttemptServices"/>.</summary>
    private protected FunctionContext(string runId, string functionId, string eventId, string eventName, int attempt, int maxAttempts)
    {
        RunId = runId;
        FunctionId = functionId;
        EventId = eventId;
        EventName = eventName;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
    }

    /// <summary>Gets the Id of this run: one function's execution for one event, across its attempts.</summary>
    public string RunId { get; }

    /// <summary>Gets the Id of the function.</summary>
    public string FunctionId { get; }

    /// <summary>Gets the Id of the event that started the run.</summary>
    public string EventId { get; }

    /// <summary>Gets the name of the event that started the run.</summary>
    public string EventName { get; }

    /// <summary>Gets the current attempt, starting at 1.</summary>
    public int Attempt { get; }

    /// <summary>Gets how many attempts the run may take in all (retries + 1).</summary>
    public int MaxAttempts { get; }

    /// <summary>Gets whether this is the last attempt: a failure now fails the run.</summary>
    public bool IsFinalAttempt => Attempt >= MaxAttempts;

    /// <summary>Gets the services of the run's scope.</summary>
    public IServiceProvider Services => _services ?? AttemptServices;

    /// <summary>Gets the services of the runtime's attempt, when the context was not given its own.</summary>
    private protected virtual IServiceProvider AttemptServices => throw new InvalidOperationException("The context has no services.");
}
