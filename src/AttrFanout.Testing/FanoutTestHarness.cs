using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing;

/// <summary>
/// Runs an app's AttrFanout functions in a test: send an event, then let the harness drive the runs to their end,
/// stepping a <see cref="FakeTimeProvider"/> over every retry delay so no test sleeps through a backoff.
/// </summary>
/// <example>
/// <code>
/// await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSingleton&lt;IEmailClient, FakeEmail&gt;());
/// var runs = await fanout.SendAndRunAsync(new UserSignedUp("u1", "ada@example.com"));
/// Assert.Equal(RunStatus.Succeeded, runs["send-welcome-email"].Status);
/// </code>
/// </example>
public sealed class FanoutTestHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly RunDriverOptions _options;

    private FanoutTestHarness(ServiceProvider services, FakeTimeProvider time, RunDriverOptions options)
    {
        _services = services;
        Time = time;
        Sender = services.GetRequiredService<IEventSender>();
        Runs = services.GetRequiredService<IFunctionRuns>();
        _options = options;
    }

    /// <summary>Gets the fake clock the runtime uses; the harness advances it over retry delays.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Gets the app's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Gets the event sender.</summary>
    public IEventSender Sender { get; }

    /// <summary>Gets the run API: look-ups, dead letters, replay.</summary>
    public IFunctionRuns Runs { get; }

    /// <summary>Creates a harness; <paramref name="configure"/> must call the app's generated <c>AddAttrFanout()</c>.</summary>
    /// <param name="configure">Registers the app's services, AttrFanout among them.</param>
    /// <param name="options">How long the harness may simulate and wait; the defaults suit most tests.</param>
    /// <returns>The harness; dispose it at the end of the test.</returns>
    public static FanoutTestHarness Create(Action<IServiceCollection> configure, RunDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        configure(services);
        if (!services.Any(static d => d.ServiceType == typeof(FunctionCatalog)))
        {
            throw new InvalidOperationException("The configure callback did not register AttrFanout. Call services.AddAttrFanout() in it.");
        }

        return new FanoutTestHarness(services.BuildServiceProvider(validateScopes: true), time, options ?? new RunDriverOptions());
    }

    /// <summary>Sends an event and drives all its runs to their end: succeeded, or failed after their last attempt.</summary>
    /// <typeparam name="TPayload">The event's payload type.</typeparam>
    /// <param name="payload">The event's payload.</param>
    /// <param name="options">Options for the send.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The finished runs, by function Id.</returns>
    public async Task<RunResults> SendAndRunAsync<TPayload>(TPayload payload, SendOptions? options = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload
    {
        var sent = await Sender.SendAsync(payload, options, cancellationToken).ConfigureAwait(false);
        return await RunToEndAsync(sent.RunIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drives the given runs to their end, advancing the fake clock over retry delays.</summary>
    /// <param name="runIds">The runs, e.g. <see cref="SendResult.RunIds"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The finished runs, by function Id.</returns>
    /// <exception cref="TimeoutException">A run did not end within the simulated or real time the options allow.</exception>
    public async Task<RunResults> RunToEndAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken = default) =>
        new(await new RunDriver(Runs, Time, _options).DriveAsync(runIds, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
