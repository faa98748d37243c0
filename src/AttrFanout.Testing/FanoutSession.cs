using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing;

/// <summary>
/// Follows every event the app accepts while the session is open — sent by the test, by a request the test makes, by a
/// function, or by the engine for a failed run (<c>attrfanout/function.failed</c>) — so that
/// <see cref="RunUntilIdleAsync"/> can drive the whole cascade to its end and report it.
/// </summary>
/// <example>
/// <code>
/// await using var session = fanout.Track();
/// await session.SendAsync(new OrderPlaced("o-1"));
/// var report = await session.RunUntilIdleAsync(cancellationToken);
/// Assert.Equal(RunStatus.Failed, report["charge-card"].Status);
/// </code>
/// </example>
public sealed class FanoutSession : IAsyncDisposable
{
    private readonly FanoutTestHarness _harness;
    private readonly EventTracker _tracker;
    private readonly Lock _gate = new();
    private readonly List<ObservedEvent> _events = [];
    private TaskCompletionSource _changed = NewSignal();

    internal FanoutSession(FanoutTestHarness harness, EventTracker tracker)
    {
        _harness = harness;
        _tracker = tracker;
        tracker.Open(this);
    }

    /// <summary>Gets how many events the session has seen accepted so far.</summary>
    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Sends an event through the app's <see cref="IEventSender"/>; the session follows it and what it leads to.</summary>
    /// <typeparam name="TPayload">The event's payload type.</typeparam>
    /// <param name="payload">The event's payload.</param>
    /// <param name="options">Options for the send.</param>
    /// <param name="cancellationToken">Cancels waiting for the event to be accepted.</param>
    /// <returns>What the send did.</returns>
    public ValueTask<SendResult> SendAsync<TPayload>(TPayload payload, SendOptions? options = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload =>
        _harness.Sender.SendAsync(payload, options, cancellationToken);

    /// <summary>
    /// Drives every run of the events seen so far, and of the events they lead to at any depth, to its end: succeeded,
    /// or failed for good with its <c>attrfanout/function.failed</c> event accepted. Waiting retries are stepped by
    /// advancing the harness's <see cref="FakeTimeProvider"/> to their due time.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Every run and event of the cascade.</returns>
    /// <exception cref="CascadeLimitExceededException">More events than <see cref="RunDriverOptions.MaxCascadeEvents"/> were sent.</exception>
    /// <exception cref="TimeoutException">The cascade did not end within the simulated or real time the options allow.</exception>
    public Task<CascadeReport> RunUntilIdleAsync(CancellationToken cancellationToken = default) =>
        new CascadeDriver(this, _harness.Runs, _harness.Time, _harness.Options).DriveAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _tracker.Close(this);
        return ValueTask.CompletedTask;
    }

    internal void Record(ObservedEvent accepted)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _events.Add(accepted);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Copies the events seen so far, with a task completed when the next one is seen.</summary>
    internal (ObservedEvent[] Events, Task NextEvent) Snapshot()
    {
        lock (_gate)
        {
            return ([.. _events], _changed.Task);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
