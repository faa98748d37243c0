using AttrFanout;
using AttrFanout.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Prepares an app's services for <see cref="FanoutTestHarness.Attach"/>.</summary>
public static class AttrFanoutTestingServiceCollectionExtensions
{
    /// <summary>The time a fake clock registered by <see cref="AddAttrFanoutTesting"/> starts at: 2026-01-01 00:00 UTC.</summary>
    public static readonly DateTimeOffset FakeClockStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Replaces the app's <see cref="TimeProvider"/> with a <see cref="FakeTimeProvider"/> (kept when the app already
    /// registered one as an instance) and registers the observer a <see cref="FanoutSession"/> follows events with.
    /// Call it after the app's own registrations, e.g. in <c>ConfigureTestServices</c>, before the host starts.
    /// </summary>
    /// <remarks>Every service of the app that takes <see cref="TimeProvider"/> then sees the fake clock, not only AttrFanout.</remarks>
    /// <param name="services">The app's services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAttrFanoutTesting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var existing = services.LastOrDefault(static d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService);
        var fake = existing?.ImplementationInstance as FakeTimeProvider ?? new FakeTimeProvider(FakeClockStart);
        services.RemoveAll<TimeProvider>();
        services.RemoveAll<FakeTimeProvider>();
        services.AddSingleton(fake);
        services.AddSingleton<TimeProvider>(fake);
        services.TryAddSingleton<EventTracker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventObserver, EventTracker>(static sp => sp.GetRequiredService<EventTracker>()));
        return services;
    }
}
