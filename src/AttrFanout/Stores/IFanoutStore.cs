namespace AttrFanout.Stores;

/// <summary>
/// Where events and their runs live between a send and a run's end: the engine's only contact with storage or transport.
/// </summary>
/// <remarks>
/// <para>
/// The engine accepts an event with one run per subscribed function (<see cref="AcceptAsync"/>), takes due runs
/// function by function (<see cref="WaitForRunAsync"/>, <see cref="TryTakeRunAsync"/>) when it has capacity to
/// execute them, and reports each attempt's outcome (<see cref="ReportAsync"/>).
/// </para>
/// <para>
/// The engine decides, the store delivers: the engine runs one attempt per delivery and settles it. A
/// <see cref="RunOutcomeKind.RetryScheduled"/> outcome asks the store to deliver the run again at its due time, holding
/// nothing of the engine's meanwhile (a timer in memory, a due time in a file, a waiting entry beside a transport's queue).
/// A delivery the store cannot decode is handed over as <see cref="RunDelivery.Poisoned"/>, and the engine fails it.
/// </para>
/// </remarks>
public interface IFanoutStore
{
    /// <summary>Gets whether accepted events and runs survive a restart of the process.</summary>
    bool IsDurable { get; }

    /// <summary>
    /// Gets whether <see cref="GetRunAsync"/> still finds a run once it succeeded. A transport that keeps only unfinished
    /// and failed runs (JetStream under interest retention) says <see langword="false"/>: the engine then remembers the
    /// runs that ended here for a while, so awaiting one of them works, and <see cref="IFunctionRuns.GetAsync"/> may
    /// not find a succeeded run.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    bool KeepsSucceededRuns => true;

    /// <summary>
    /// Gets whether the store keeps or sends payloads as bytes (<see cref="EventSubmission.Payload"/>). A store that
    /// keeps the payload objects themselves (in memory) says <see langword="false"/>: the engine then only measures each
    /// payload against <see cref="AttrFanoutOptions.MaxPayloadBytes"/> and leaves <see cref="EventSubmission.Payload"/> null.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    bool UsesPayloadBytes => true;

    /// <summary>
    /// Gets whether <see cref="TryTakeRunAsync"/> may be called for one function from several threads at once. When it
    /// may, an attempt that ends takes its function's next due run itself, with the slot it holds, so a function with
    /// runs waiting executes them one after another on the same thread instead of one thread-pool hop per run.
    /// </summary>
    /// <value>The default is <see langword="false"/>: only the function's worker takes its runs.</value>
    bool TakesRunsConcurrently => false;

    /// <summary>
    /// Accepts an event and its runs, atomically and idempotently by event Id: an Id accepted before, still inside its
    /// idempotency window, returns the first acceptance as a duplicate. Waits while the store has no capacity for the runs.
    /// The store names the runs by the one rule, <see cref="RunIds.For"/> with the event's position in the store, and
    /// returns them in the order of <see cref="EventSubmission.Runs"/>.
    /// </summary>
    /// <param name="submission">The event and its runs.</param>
    /// <param name="cancellationToken">Stops waiting for capacity.</param>
    ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the runs of <paramref name="functionId"/> that this process holds waiting, when it can without a query: runs
    /// due and not yet taken, and retries waiting on a timer of this process. It feeds the gauge
    /// <c>attrfanout.runs.waiting</c>; called from a metrics collection, it must not block.
    /// </summary>
    /// <param name="functionId">The function.</param>
    /// <returns>The count, or <see langword="null"/> (the default) when the store cannot count them cheaply.</returns>
    int? CountWaitingRuns(string functionId) => null;

    /// <summary>Waits until a run of <paramref name="functionId"/> may be due.</summary>
    /// <param name="functionId">The function.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns><see langword="false"/> when no run of the function will ever be due again (the store is closing).</returns>
    ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken);

    /// <summary>Takes the next due run of <paramref name="functionId"/>, marking it running; <see langword="null"/> when none is due.</summary>
    /// <param name="functionId">The function.</param>
    /// <param name="cancellationToken">Cancels the take.</param>
    ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the store that this process takes no more runs: the engine is stopping and its workers ended. A store that
    /// pulls runs ahead of their taking (a transport's prefetched batch) hands those back at once, for other processes to
    /// take, instead of holding them until the process exits. Runs already taken are settled as usual. The default does nothing.
    /// </summary>
    /// <param name="cancellationToken">Bounds the hand-back.</param>
    ValueTask StopTakingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Records the outcome of an attempt of a taken run.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="cancellationToken">Cancels the report.</param>
    ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Gets a run by Id; <see langword="null"/> when unknown.</summary>
    /// <param name="runId">The run's Id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Lists failed runs matching <paramref name="query"/>, oldest failure first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Lists runs matching <paramref name="query"/>, most recently created first, one page at a time (the store writes and
    /// reads its own <see cref="RunQuery.Cursor"/>, e.g. with <see cref="PageCursor"/>). What the store cannot know for
    /// these filters is said in <see cref="RunPage.Incomplete"/>, never left out silently. The query is validated by the caller.
    /// </summary>
    /// <remarks>
    /// The default answers an empty page whose <see cref="RunPage.Incomplete"/> says the store cannot list runs
    /// (<see cref="ListingGapKind.NotSupported"/>), rather than throwing: a dashboard over any store still shows, and says what is missing.
    /// </remarks>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    ValueTask<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(UnlistedRuns.Runs(this));

    /// <summary>
    /// Lists events matching <paramref name="query"/>, most recently accepted first, each with the runs the store still
    /// knows of it, one page at a time; what it cannot know is said in <see cref="EventPage.Incomplete"/>.
    /// </summary>
    /// <remarks>The default answers an empty page that says the store cannot list events (<see cref="ListingGapKind.NotSupported"/>).</remarks>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    ValueTask<EventPage> ListEventsAsync(EventQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(UnlistedRuns.Events(this));

    /// <summary>
    /// Counts each function's runs by status now; a count the store cannot make is <see langword="null"/> and said in
    /// <see cref="RunCounts.Incomplete"/>. Functions the store has no run of may be left out (the caller adds them).
    /// </summary>
    /// <remarks>The default answers no counts and says the store cannot count runs (<see cref="ListingGapKind.NotSupported"/>).</remarks>
    /// <param name="cancellationToken">Cancels the count.</param>
    ValueTask<RunCounts> CountRunsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(UnlistedRuns.Counts(this));

    /// <summary>Creates a pending run <paramref name="newRunId"/> replaying the failed run <paramref name="runId"/>, and marks the latter replayed.</summary>
    /// <param name="runId">The failed run.</param>
    /// <param name="newRunId">The Id of the new run.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The new run, or <see langword="null"/> when no failed run has the Id.</returns>
    ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Gets the shared state flow control keeps across processes, or <see langword="null"/> (the default) when the store
    /// has none: the engine then refuses to start functions with flow-control rules, naming them.
    /// </summary>
    IFlowControlStore? FlowControl => null;

    /// <summary>
    /// Gets where debounces and batches hold their events across processes, or <see langword="null"/> (the default) when the
    /// store has no such place: the engine then refuses to start functions with <see cref="DebounceAttribute"/> or
    /// <see cref="BatchAttribute"/>, naming them.
    /// </summary>
    IEventHoldStore? Holds => null;

    /// <summary>
    /// Cancels a run. A run not executing (pending, deferred, waiting for a retry) ends <see cref="RunStatus.Cancelled"/> at
    /// once and is never delivered again. An executing run is asked to stop: the store announces it through
    /// <see cref="WatchCancellationsAsync"/> to every engine sharing it, and the engine executing it fires the attempt's
    /// token and settles the run <see cref="RunOutcomeKind.Cancelled"/>. A run that already ended is left as it is.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="reason">By what it is cancelled, kept as <see cref="FunctionRun.Reason"/>.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The run as it stands after the request, or <see langword="null"/> when the store does not know it.</returns>
    /// <exception cref="NotSupportedException">The store cannot cancel runs (the default).</exception>
    ValueTask<FunctionRun?> CancelRunAsync(string runId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The store {GetType().Name} cannot cancel runs.");

    /// <summary>
    /// Finds the runs a cancelling event may cancel (<see cref="CancelOnAttribute"/>): runs of <see cref="CancelOnQuery.FunctionId"/>
    /// that are not over (pending, deferred, waiting for a retry or executing), whose event is older than the cancelling one
    /// and not older than <see cref="CancelOnQuery.WatchedSince"/>, at most <see cref="CancelOnQuery.Limit"/>. A store may leave
    /// out runs whose kept key differs from <see cref="CancelOnQuery.MatchKey"/>. The engine decides which of them the event
    /// cancels and cancels those through <see cref="CancelRunAsync"/>.
    /// </summary>
    /// <remarks>
    /// A store that cannot search its runs (a transport's stream) records the cancelling event instead, for every process
    /// sharing it; checks each later delivery of the function against it, and each run it executes when it learns of it,
    /// with the same decision (<see cref="Triggers.CancelOnMatch"/>); and answers no runs.
    /// </remarks>
    /// <param name="query">The function, the cancelling event and the bounds.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <exception cref="NotSupportedException">The store cannot cancel runs on events (the default).</exception>
    ValueTask<IReadOnlyList<CancelOnCandidate>> FindCancelOnCandidatesAsync(CancelOnQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The store {GetType().Name} cannot cancel runs on events ([CancelOn]).");

    /// <summary>
    /// Streams the requests, made through <see cref="CancelRunAsync"/> by any process sharing the store, that an executing
    /// attempt stop; the engine cancels those it executes and ignores the rest. The default streams nothing.
    /// </summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<RunCancellation> WatchCancellationsAsync(CancellationToken cancellationToken) => NoCancellations.Instance;
}
