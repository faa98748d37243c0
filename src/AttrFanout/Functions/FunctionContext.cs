namespace AttrFanout;

/// <summary>What a function knows about the run it is executing; take it as a handler parameter.</summary>
/// <remarks>
/// The runtime's own context is the attempt itself: it reads these values from the run it executes and creates its
/// services scope on first use, so a context costs the runtime no copy of them.
/// </remarks>
public class FunctionContext
{
    private readonly Values? _values;

    /// <summary>Creates a context. The runtime creates one per attempt.</summary>
    /// <param name="runId">The run's Id.</param>
    /// <param name="functionId">The function's Id.</param>
    /// <param name="eventId">The event's Id.</param>
    /// <param name="eventName">The event's name.</param>
    /// <param name="attempt">The 1-based attempt number.</param>
    /// <param name="maxAttempts">How many attempts the run may take in all.</param>
    /// <param name="services">The services of the run's scope.</param>
    public FunctionContext(string runId, string functionId, string eventId, string eventName, int attempt, int maxAttempts, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _values = new Values(runId, functionId, eventId, eventName, attempt, maxAttempts, services);
    }

    /// <summary>Creates the runtime's context, which overrides every value.</summary>
    private protected FunctionContext()
    {
    }

    /// <summary>Gets the Id of this run: one function's execution for one event, across its attempts.</summary>
    public string RunId => RunIdCore;

    /// <summary>Gets the Id of the function.</summary>
    public string FunctionId => FunctionIdCore;

    /// <summary>Gets the Id of the event that started the run.</summary>
    public string EventId => EventIdCore;

    /// <summary>Gets the name of the event that started the run.</summary>
    public string EventName => EventNameCore;

    /// <summary>Gets the current attempt, starting at 1.</summary>
    public int Attempt => AttemptCore;

    /// <summary>Gets how many attempts the run may take in all (retries + 1).</summary>
    public int MaxAttempts => MaxAttemptsCore;

    /// <summary>Gets whether this is the last attempt: a failure now fails the run.</summary>
    public bool IsFinalAttempt => Attempt >= MaxAttempts;

    /// <summary>Gets the services of the run's scope.</summary>
    public IServiceProvider Services => ServicesCore;

    private protected virtual string RunIdCore => Given.RunId;

    private protected virtual string FunctionIdCore => Given.FunctionId;

    private protected virtual string EventIdCore => Given.EventId;

    private protected virtual string EventNameCore => Given.EventName;

    private protected virtual int AttemptCore => Given.Attempt;

    private protected virtual int MaxAttemptsCore => Given.MaxAttempts;

    private protected virtual IServiceProvider ServicesCore => Given.Services;

    private Values Given => _values ?? throw new InvalidOperationException("The context was created without values.");

    private sealed record Values(string RunId, string FunctionId, string EventId, string EventName, int Attempt, int MaxAttempts, IServiceProvider Services);
}
