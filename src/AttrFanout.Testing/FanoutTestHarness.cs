using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing;

/// <summary>
/// Runs an app's AttrFanout functions in a test: send an event, then let the harness drive the runs to their end,
/// stepping a <see cref="FakeTimeProvider"/> over every retry delay so no test sleeps through a backoff. The harness
/// builds its own services (<see cref="Create"/>) or attaches to an app's (<see cref="Attach"/>);
/// <see cref="Track"/> follows the events the runs send, at any depth.
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
    private readonly ServiceProvider? _ownedServices;
    private readonly EventTracker _tracker;

    private FanoutTestHarness(IServiceProvider services, ServiceProvider? ownedServices, RunDriverOptions options)
    {
        Services = services;
        _ownedServices = ownedServices;
        Options = options;
        Time = services.GetService<TimeProvider>() as FakeTimeProvider ?? throw NotPrepared("the app's TimeProvider is not a FakeTimeProvider");
        _tracker = services.GetService<EventTracker>() ?? throw NotPrepared("the harness's event observer is not registered");
        Sender = services.GetService<IEventSender>() ?? throw new InvalidOperationException("The app does not register AttrFanout. Call services.AddAttrFanout() in it.");
        Runs = services.GetRequiredService<IFunctionRuns>();
    }

    /// <summary>Gets the fake clock the runtime uses; the harness advances it over retry delays.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Gets the app's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Gets the event sender.</summary>
    public IEventSender Sender { get; }

    /// <summary>Gets the run API: look-ups, dead letters, replay.</summary>
    public IFunctionRuns Runs { get; }

    internal RunDriverOptions Options { get; }

    /// <summary>Creates a harness with its own services; <paramref name="configure"/> must call the app's generated <c>AddAttrFanout()</c>.</summary>
    /// <param name="configure">Registers the app's services, AttrFanout among them.</param>
    /// <param name="options">How long the harness may simulate and wait, and how many events a cascade may send; the defaults suit most tests.</param>
    /// <returns>The harness; dispose it at the end of the test.</returns>
    public static FanoutTestHarness Create(Action<IServiceCollection> configure, RunDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection();
        configure(services);
        if (!services.Any(static d => d.ServiceType == typeof(FunctionCatalog)))
        {
            throw new InvalidOperationException("The configure callback did not register AttrFanout. Call services.AddAttrFanout() in it.");
        }

        services.AddAttrFanoutTesting();
        var provider = services.BuildServiceProvider(validateScopes: true);
        return new FanoutTestHarness(provider, provider, options ?? new RunDriverOptions());
    }

    /// <summary>
    /// Attaches a harness to an app's services, e.g. <c>WebApplicationFactory&lt;Program&gt;.Services</c> or
    /// <c>IHost.Services</c>, whose registrations ended with <c>services.AddAttrFanoutTesting()</c>. The app keeps
    /// owning its services: disposing the harness leaves them alone.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="options">How long the harness may simulate and wait, and how many events a cascade may send.</param>
    /// <returns>The harness.</returns>
    /// <exception cref="InvalidOperationException">The app was not prepared with <c>AddAttrFanoutTesting()</c>, or does not register AttrFanout.</exception>
    public static FanoutTestHarness Attach(IServiceProvider services, RunDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new FanoutTestHarness(services, ownedServices: null, options ?? new RunDriverOptions());
    }

    /// <summary>
    /// Opens a session that follows every event the app accepts from now on — sent by the test, by a request, by a
    /// function or by the engine for a failed run — until it is disposed.
    /// </summary>
    /// <returns>The session; dispose it when done.</returns>
    public FanoutSession Track() => new(this, _tracker);

    /// <summary>Sends an event and drives its own runs to their end: succeeded, or failed after their last attempt.</summary>
    /// <remarks>Events the runs send are not followed; use <see cref="Track"/> for a cascade.</remarks>
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
        new(await new RunDriver(Runs, Time, Options).DriveAsync(runIds, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _ownedServices?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static InvalidOperationException NotPrepared(string what) => new(
        $"The harness cannot attach: {what}. Call services.AddAttrFanoutTesting() after the app's registrations " +
        "(in WebApplicationFactory's ConfigureTestServices, or on HostApplicationBuilder.Services before Build()).");
}
