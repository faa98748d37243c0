using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Engine;

/// <summary>
/// One attempt of a delivered run while the engine executes it, until it is settled or abandoned at shutdown. It is all
/// the attempt costs: the <see cref="FunctionContext"/> the handler gets, the services it resolves (a DI scope created
/// on first use, so a handler that resolves nothing pays for none), and the work item queued to the thread pool.
/// </summary>
internal sealed class RunState : FunctionContext, IServiceProvider, IKeyedServiceProvider, ISupportRequiredService, IThreadPoolWorkItem
{
    private IServiceScope? _scope;
    private int _ended;
    private int _slotsReleased;
    [ThreadStatic]
    private static CancellationTokenSource? t_spareCancellation;

    private CancellationTokenSource? _attemptCancellation;
    private RareState? _rare;
    private int _firing;

    public RunState(FunctionPlan plan, RunDelivery delivery)
    {
        Plan = plan;
        Delivery = delivery;
    }

    /// <summary>Gets or sets the neighbours of this run in the list of runs executing (<see cref="RunTracker"/>).</summary>
    internal RunState? Previous { get; set; }

    internal RunState? Next { get; set; }

    public FunctionPlan Plan { get; }

    public RunDelivery Delivery { get; }

    public bool HasAttemptsLeft => Attempt < MaxAttempts;

    private protected override string RunIdCore => Delivery.RunId;

    private protected override string FunctionIdCore => Delivery.FunctionId;

    private protected override string EventIdCore => Delivery.Event.Id;

    private protected override string EventNameCore => Delivery.Event.Name;

    private protected override int AttemptCore => Delivery.Attempts + 1;

    private protected override int MaxAttemptsCore => Plan.Settings.MaxAttempts;

    private protected override IServiceProvider ServicesCore => this;

    private IServiceProvider Scope => (Volatile.Read(ref _scope) ?? CreateScope()).ServiceProvider;

    /// <summary>Claims the right to settle the attempt; false when shutdown abandoned the run first.</summary>
    public bool TryClaimSettlement() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>Claims the run for release at shutdown; false when its attempt was settled first.</summary>
    public bool TryAbandon() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>Leaves the slots this run holds to the next run of its function, which goes on with them; false when they were given back already.</summary>
    public bool PassSlotsOn() => Interlocked.Exchange(ref _slotsReleased, 1) == 0;

    /// <summary>Gives back the function's slot (and the shared one) the run holds; once, however often called.</summary>
    public void ReleaseSlots()
    {
        if (Interlocked.Exchange(ref _slotsReleased, 1) == 0)
        {
            Plan.ReleaseSlots();
        }
    }

    /// <summary>Gets or sets the flow-control slots the run holds while its attempt executes (<see cref="FlowGate"/>).</summary>
    public string[]? FlowSlots
    {
        get => Volatile.Read(ref _rare)?.FlowSlots;
        set
        {
            if (value is not null || Volatile.Read(ref _rare) is not null)
            {
                Rare.FlowSlots = value;
            }
        }
    }

    /// <summary>Gets why the run was asked to stop, once it was (a cancellation request, a singleton replacing it).</summary>
    public string? CancelReason => Volatile.Read(ref _rare) is { } rare ? Volatile.Read(ref rare.CancelReason) : null;

    /// <summary>What few runs need (flow-control slots, a cancellation), kept apart so a run's state stays small.</summary>
    private RareState Rare => Volatile.Read(ref _rare) ?? Interlocked.CompareExchange(ref _rare, new RareState(), null) ?? _rare!;

    /// <summary>
    /// Gets the token of an attempt that can be cancelled on its own: fired by <see cref="RequestCancel"/> or
    /// <see cref="FireAttemptToken"/>, and at once when either came first or <paramref name="abort"/> already fired. The
    /// source is reused from the thread's spare one when there is one, so an attempt allocates none in the steady state.
    /// </summary>
    public CancellationToken BeginCancellableAttempt(CancellationToken abort)
    {
        var cancellation = t_spareCancellation ?? new CancellationTokenSource();
        t_spareCancellation = null;

        // A full fence between publishing the source and reading the abort: a stop that fires the abort, then reads the
        // source, must see it, or this read must see the abort (a volatile write could pass the read).
        Interlocked.Exchange(ref _attemptCancellation, cancellation);
        if (abort.IsCancellationRequested || CancelReason is not null)
        {
            cancellation.Cancel();
        }

        return cancellation.Token;
    }

    /// <summary>Asks the run to stop for <paramref name="reason"/>: its attempt's token fires, and it settles cancelled.</summary>
    public void RequestCancel(string reason)
    {
        Interlocked.CompareExchange(ref Rare.CancelReason, reason, null);
        FireAttemptToken();
    }

    /// <summary>Fires the token of the attempt executing (a cancellation request, the engine aborting its attempts at stop).</summary>
    public void FireAttemptToken()
    {
        Interlocked.Increment(ref _firing);
        try
        {
            Volatile.Read(ref _attemptCancellation)?.Cancel();
        }
        catch (AggregateException)
        {
            // A callback the handler registered on its token threw; the attempt sees the cancellation all the same.
        }
        finally
        {
            Interlocked.Decrement(ref _firing);
        }
    }

    /// <summary>
    /// Ends the attempt's own cancellation. Its source is kept as the thread's spare only when it was not cancelled and no
    /// <see cref="FireAttemptToken"/> holds it (that one may be lower on this very stack, its callbacks having run the
    /// attempt to its end), so a late request can never reach a later attempt; otherwise it is left to the collector.
    /// </summary>
    public void EndCancellableAttempt()
    {
        if (Interlocked.Exchange(ref _attemptCancellation, null) is { } cancellation
            && Volatile.Read(ref _firing) == 0
            && t_spareCancellation is null
            && cancellation.TryReset())
        {
            t_spareCancellation = cancellation;
        }
    }

    /// <summary>Gets whether the attempt created a DI scope (it resolved a service).</summary>
    public bool HasServices => Volatile.Read(ref _scope) is not null;

    /// <summary>Disposes the attempt's DI scope, when one was created.</summary>
    public ValueTask DisposeServicesAsync() => Interlocked.Exchange(ref _scope, null) switch
    {
        IAsyncDisposable scope => scope.DisposeAsync(),
        IDisposable scope => DisposeSynchronously(scope),
        _ => ValueTask.CompletedTask,
    };

    object? IServiceProvider.GetService(Type serviceType) => Scope.GetService(serviceType);

    object ISupportRequiredService.GetRequiredService(Type serviceType) => Scope.GetRequiredService(serviceType);

    object? IKeyedServiceProvider.GetKeyedService(Type serviceType, object? serviceKey) => Scope.GetKeyedService(serviceType, serviceKey);

    object IKeyedServiceProvider.GetRequiredKeyedService(Type serviceType, object? serviceKey) => Scope.GetRequiredKeyedService(serviceType, serviceKey);

    void IThreadPoolWorkItem.Execute() => ExecutionContext.Run(AmbientRun.Context, static state => _ = ((RunState)state!).Execute(), this);

    private ValueTask Execute() => Plan.Executor.ExecuteAsync(this);

    private static ValueTask DisposeSynchronously(IDisposable scope)
    {
        scope.Dispose();
        return ValueTask.CompletedTask;
    }

    private IServiceScope CreateScope()
    {
        var created = Plan.Executor.Scopes.CreateScope();
        var existing = Interlocked.CompareExchange(ref _scope, created, null);
        if (existing is null)
        {
            return created;
        }

        created.Dispose();
        return existing;
    }

    private sealed class RareState
    {
        public string[]? FlowSlots;
        public string? CancelReason;
    }
}
