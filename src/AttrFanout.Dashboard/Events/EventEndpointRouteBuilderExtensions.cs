using AttrFanout.Dashboard.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttrFanout.Dashboard;

/// <summary>Maps the HTTP event endpoint, which accepts events from any language.</summary>
public static class EventEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> and <c>POST {pattern}/{key}</c>: Inngest-shaped events (<c>{ "name", "data", "id", "ts" }</c>,
    /// one or an array), authorized by an event key from <c>AttrFanout:EventKeys</c> (in <c>Authorization: Bearer</c> or the
    /// path), validated against the app's declared events, then sent; the answer is
    /// <c>{ "ids": [...], "runIds": [[...]], "duplicates": [...] }</c>.
    /// </summary>
    /// <param name="endpoints">The app's endpoints, after <c>AddAttrFanout()</c>.</param>
    /// <param name="pattern">The route prefix.</param>
    /// <param name="configure">Sets the limits and keys besides the configured ones.</param>
    /// <returns>The group of the two routes, to add conventions such as rate limiting.</returns>
    /// <exception cref="InvalidOperationException"><c>AddAttrFanout()</c> was not called.</exception>
    public static RouteGroupBuilder MapAttrFanoutEvents(this IEndpointRouteBuilder endpoints, string pattern = "/e", Action<EventEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var options = new EventEndpointOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestBytes, 1, nameof(EventEndpointOptions.MaxRequestBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEventsPerRequest, 1, nameof(EventEndpointOptions.MaxEventsPerRequest));

        var services = endpoints.ServiceProvider;
        var catalog = services.GetService<FunctionCatalog>()
            ?? throw new InvalidOperationException("MapAttrFanoutEvents needs the AttrFanout runtime: call builder.Services.AddAttrFanout() first.");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AttrFanout.Dashboard.Events");
        var keys = new EventKeyRing(services.GetService<IConfiguration>(), [.. options.Keys]);
        if (keys.IsEmpty)
        {
            EventEndpointLog.NoKeys(logger, pattern);
        }

        var handler = new EventRequestHandler(
            pattern,
            keys,
            options,
            new IncomingEventValidator(catalog, services.GetRequiredService<IOptions<AttrFanoutOptions>>().Value, services.GetRequiredService<TimeProvider>()),
            services.GetRequiredService<IEnvelopeSender>(),
            logger);

        var group = endpoints.MapGroup(pattern);
        group.MapPost("", handler.HandleAsync);
        group.MapPost($"{{{EventKeyReader.RouteValue}}}", handler.HandleAsync);
        return group;
    }
}
