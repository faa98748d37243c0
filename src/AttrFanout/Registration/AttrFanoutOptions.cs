using System.ComponentModel.DataAnnotations;
using AttrFanout.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AttrFanout;

/// <summary>
/// Options of the AttrFanout runtime. Set them in <c>AddAttrFanout(o =&gt; ...)</c> or in the <c>AttrFanout</c>
/// configuration section (e.g. <c>AttrFanout:Functions:send-welcome-email:Retries</c>); the section is applied after the code.
/// </summary>
public sealed class AttrFanoutOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "AttrFanout";

    /// <summary>
    /// Gets or sets how many attempts may execute at once in this process across all functions, or <see langword="null"/>
    /// for no process-wide limit (each function is still bounded by its own concurrency).
    /// </summary>
    /// <remarks>
    /// The limit is shared fairly: every function executing nothing has one slot kept for it, so it can always start an
    /// attempt at once however busy or slow its siblings are; and when several functions wait, a freed slot goes to the one
    /// executing the fewest attempts. A function already executing can so use the limit less one slot per idle sibling:
    /// keep the limit well above the number of functions.
    /// </remarks>
    /// <value>The default is <see langword="null"/>: functions never wait for each other's slots.</value>
    [Range(1, 100_000)]
    public int? MaxConcurrency { get; set; }

    /// <summary>Gets or sets how many attempts of one function may execute at once in this process, when the function does not say.</summary>
    /// <value>The default is 64.</value>
    [Range(1, 100_000)]
    public int DefaultConcurrency { get; set; } = 64;

    /// <summary>
    /// Gets or sets how many runs may wait to start in the in-memory store. When the queue is full, a send waits until
    /// runs start instead of growing memory without bound. A send made from inside a function never waits for room: it
    /// could wait for the very runs its function holds up.
    /// </summary>
    /// <value>The default is 10,000.</value>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets how many times a failed run is retried when its function does not say.</summary>
    /// <value>The default is 4 (5 attempts).</value>
    [Range(0, 1000)]
    public int DefaultRetries { get; set; } = 4;

    /// <summary>Gets or sets the delay before the first retry; later delays grow exponentially, with jitter.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between two attempts of a run (except one asked by <see cref="RetryAfterException"/>).</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the time limit of one attempt when its function does not say; <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/>: attempts are not limited, only cancelled on shutdown.</value>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>Gets or sets how long a send's <see cref="SendOptions.Id"/> deduplicates later sends with the same Id.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets the largest payload, in bytes of UTF-8 JSON, that a send accepts, on every store; a larger one is
    /// refused at send with <see cref="PayloadTooLargeException"/> and nothing is stored.
    /// </summary>
    /// <value>The default is 262,144 (256 KiB).</value>
    [Range(1, int.MaxValue)]
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>Gets or sets how long in-flight runs may take to finish on shutdown before they are cancelled.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets whether sending an event no function subscribes to throws <see cref="EventNotSubscribedException"/>.</summary>
    /// <value>The default is <see langword="false"/>: such an event is accepted and starts no run.</value>
    public bool ThrowOnNoSubscribers { get; set; }

    /// <summary>
    /// Gets or sets how long a flow-control slot (a concurrency limit, a singleton) is held for an executing attempt unless
    /// renewed. The engine renews the slots of its attempts every third of it; a process that dies while holding slots gives
    /// them back to the others when their leases run out, so this is the bound on how long a crash holds a limit.
    /// </summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan FlowControlLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how often the engine reads the store's holds (<see cref="DebounceAttribute"/>, <see cref="BatchAttribute"/>)
    /// to run the due ones. A hold this process adds to is run at its due time regardless; the reading finds the holds of
    /// other processes, and those a crashed process left, so it bounds how late they run.
    /// </summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan HoldPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets whether a run left out by a flow-control rule is announced with the event
    /// <c>attrfanout/function.skipped</c> (<see cref="FunctionSkipped"/>), besides being recorded as skipped and counted.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AnnounceSkippedRuns { get; set; }

    /// <summary>Gets the per-function overrides, by function Id; they win over the attribute and the defaults.</summary>
    /// <value>The default is empty.</value>
    public Dictionary<string, FunctionOptions> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the factory of the store set by <see cref="UseStore(Func{IServiceProvider, IFanoutStore})"/>, or <see langword="null"/> for the in-memory store.</summary>
    internal Func<IServiceProvider, IFanoutStore>? StoreFactory { get; private set; }

    /// <summary>
    /// Keeps events and runs in the store that <paramref name="factory"/> creates, instead of in memory.
    /// Store packages call it from their own extension, e.g. <c>o.UseSqlite("Data Source=app.db")</c>.
    /// </summary>
    /// <param name="factory">Creates the store, once, from the app's services.</param>
    /// <returns>These options.</returns>
    public AttrFanoutOptions UseStore(Func<IServiceProvider, IFanoutStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        StoreFactory = factory;
        StoreHealthFactory = null;
        return this;
    }

    /// <summary>Gets the factory of the store's health check set by <see cref="UseStore(Func{IServiceProvider, IFanoutStore}, Func{IServiceProvider, IHealthCheck})"/>.</summary>
    internal Func<IServiceProvider, IHealthCheck>? StoreHealthFactory { get; private set; }

    /// <summary>
    /// Keeps events and runs in the store that <paramref name="factory"/> creates, and reports its health through the check
    /// <paramref name="healthCheck"/> creates (in <c>AddHealthChecks().AddAttrFanout()</c>). Store packages call it from their
    /// own extension.
    /// </summary>
    /// <param name="factory">Creates the store, once, from the app's services.</param>
    /// <param name="healthCheck">Creates the store's health check, once, from the app's services.</param>
    /// <returns>These options.</returns>
    public AttrFanoutOptions UseStore(Func<IServiceProvider, IFanoutStore> factory, Func<IServiceProvider, IHealthCheck> healthCheck)
    {
        ArgumentNullException.ThrowIfNull(healthCheck);
        UseStore(factory);
        StoreHealthFactory = healthCheck;
        return this;
    }
}
