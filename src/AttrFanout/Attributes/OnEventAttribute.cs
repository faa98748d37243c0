namespace AttrFanout;

/// <summary>
/// Subscribes a method to an event. Every method subscribed to an event becomes a <em>function</em>
/// with its own run per event, executed in parallel with its siblings and retried on its own.
/// </summary>
/// <remarks>
/// The method takes the event's payload type (or <see cref="Event{TPayload}"/>), and optionally a
/// <see cref="FunctionContext"/> and a <see cref="CancellationToken"/>, in any order, and returns
/// <see cref="Task"/>, <see cref="ValueTask"/> or <see langword="void"/>. Static and instance methods are
/// supported; an instance method's class is resolved from dependency injection in a scope per run.
/// <para>
/// Several <see cref="OnEventAttribute"/> (and at most one <see cref="OnScheduleAttribute"/>) on one method make one function
/// with several triggers: one Id (from the first attribute that sets it), shared settings, and a payload parameter that
/// every trigger's payload converts to (a common base type or interface, or <see cref="object"/>), or none;
/// <see cref="FunctionContext.EventName"/> names the trigger of a run.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class OnEventAttribute : Attribute
{
    /// <summary>Creates the attribute for the event named <paramref name="eventName"/>.</summary>
    /// <param name="eventName">The event name, as declared by an <see cref="EventAttribute"/>, e.g. <c>user/signup</c>.</param>
    public OnEventAttribute(string eventName) => EventName = eventName;

    /// <summary>Gets the name of the event the function subscribes to.</summary>
    public string EventName { get; }

    /// <summary>
    /// Gets or sets the function's Id, unique in the application: lowercase letters, digits, <c>-</c> and <c>_</c>,
    /// starting with a letter or digit, at most 128 characters.
    /// </summary>
    /// <value>
    /// When not set, the Id is derived from the containing type and method names in kebab case:
    /// <c>Welcome.SendEmail</c> becomes <c>welcome-send-email</c>.
    /// </value>
    public string? Id { get; set; }

    /// <summary>Gets or sets how many times a failed run is retried (so attempts = retries + 1).</summary>
    /// <value>When not set, the configured default: 4 retries, 5 attempts.</value>
    public int Retries { get; set; } = -1;

    /// <summary>Gets or sets the time limit of one attempt, in seconds.</summary>
    /// <value>When not set, the configured default attempt timeout.</value>
    public int TimeoutSeconds { get; set; } = -1;

    /// <summary>Gets or sets how many runs of this function may execute at once in one process.</summary>
    /// <value>When not set, bounded only by the global concurrency.</value>
    public int Concurrency { get; set; } = -1;

    /// <summary>
    /// Gets or sets the name of the app's own Polly resilience pipeline (registered with
    /// <c>services.AddResiliencePipeline("name", ...)</c>) that each attempt runs through, inside the attempt timeout.
    /// </summary>
    /// <value>When not set, the attempt runs through no pipeline of the app's; <c>AttrFanout:Functions:&lt;id&gt;:Pipeline</c> can still set one.</value>
    /// <remarks>
    /// The pipeline should not retry: a failed attempt is rescheduled by AttrFanout. A circuit breaker's or rate limiter's
    /// rejection that says when to come back reschedules the run at that time.
    /// </remarks>
    public string? Pipeline { get; set; }

    /// <summary>
    /// Gets or sets the name of a filter: a static method of the function's class that takes the payload and returns
    /// <see cref="bool"/>, e.g. <c>nameof(IsLarge)</c>. It is evaluated once, at send; an event it returns
    /// <see langword="false"/> for starts no run of this function (the send's run Ids name the functions that took it).
    /// </summary>
    /// <value>When not set, every event of the name starts a run.</value>
    public string? When { get; set; }
}
