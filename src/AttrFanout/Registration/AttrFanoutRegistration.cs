using System.ComponentModel;
using AttrFanout.Engine;
using AttrFanout.Generated;
using AttrFanout.Hosting;
using AttrFanout.Runs;
using AttrFanout.Sending;
using AttrFanout.Stores.InMemory;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace AttrFanout;

/// <summary>
/// The registration that the generated <c>AddAttrFanout()</c> composes from the modules of the app and of
/// the projects it references. Call <c>services.AddAttrFanout()</c> instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttrFanoutRegistration
{
    /// <summary>Registers the runtime with the given modules' functions.</summary>
    /// <param name="services">The services.</param>
    /// <param name="modules">The generated modules, the app's first.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAttrFanoutCore(IServiceCollection services, IFanoutModule[] modules, Action<AttrFanoutOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(modules);

        if (services.Any(static d => d.ServiceType == typeof(FunctionCatalog)))
        {
            throw new AttrFanoutConfigurationException("AddAttrFanout() was called twice. Call it once; it already includes the functions of every referenced project.");
        }

        var builder = new FanoutModuleBuilder(services);
        builder.AddEvent(new EventDescriptor<FunctionFailed>(FunctionFailed.Name, FunctionFailedJsonContext.Default));
        builder.AddEvent(new EventDescriptor<FunctionSkipped>(FunctionSkipped.Name, FunctionSkippedJsonContext.Default));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (seen.Add(module.AssemblyName))
            {
                module.Register(builder);
            }
        }

        var catalog = FunctionCatalog.Create(builder);
        catalog.AppName = modules.Length > 0 ? modules[0].AssemblyName : null;
        services.AddSingleton(catalog);
        services.AddLogging();
        AddOptions(services, catalog, configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new FailureThrottle(sp.GetRequiredService<TimeProvider>(), FailureThrottle.DefaultInterval));
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<AttrFanoutOptions>>().Value;
            return options.StoreFactory?.Invoke(sp) ?? new InMemoryFanoutStore(options.QueueCapacity, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(static sp => new RunCompletions(sp.GetRequiredService<IFanoutStore>()));
        services.TryAddSingleton(static sp => new EventAcceptor(
            sp.GetRequiredService<FunctionCatalog>(),
            sp.GetRequiredService<IFanoutStore>(),
            sp.GetRequiredService<IOptions<AttrFanoutOptions>>().Value,
            sp.GetRequiredService<RunCompletions>(),
            sp.GetServices<IEventObserver>().ToArray(),
            new Triggers.CancelOnEvents(
                sp.GetRequiredService<FunctionCatalog>(),
                sp.GetRequiredService<IFanoutStore>(),
                sp.GetRequiredService<RunCompletions>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("AttrFanout"))));
        services.TryAddSingleton(static sp => new FanoutEngine(
            sp.GetRequiredService<FunctionCatalog>(),
            sp.GetRequiredService<IFanoutStore>(),
            sp.GetRequiredService<EventAcceptor>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IOptions<AttrFanoutOptions>>(),
            sp.GetRequiredService<RunCompletions>(),
            sp.GetRequiredService<FailureThrottle>(),
            sp.GetService<ResiliencePipelineProvider<string>>(),
            AttemptLogScope.MayBeKept(sp)));
        services.TryAddSingleton<IEventSender>(static sp => new EventSender(
            sp.GetRequiredService<FunctionCatalog>(),
            sp.GetRequiredService<EventAcceptor>(),
            sp.GetRequiredService<FanoutEngine>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<AttrFanoutOptions>>().Value));
        services.TryAddSingleton<IEnvelopeSender>(static sp => new EnvelopeSender(
            sp.GetRequiredService<FunctionCatalog>(),
            sp.GetRequiredService<EventAcceptor>(),
            sp.GetRequiredService<FanoutEngine>(),
            sp.GetRequiredService<IOptions<AttrFanoutOptions>>().Value));
        services.TryAddSingleton<IFunctionRuns>(static sp => new FunctionRuns(
            sp.GetRequiredService<IFanoutStore>(),
            sp.GetRequiredService<RunCompletions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<FanoutEngine>(),
            sp.GetRequiredService<FunctionCatalog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AttrFanoutHostedService>(
            static sp => new AttrFanoutHostedService(sp.GetRequiredService<FanoutEngine>())));
        return services;
    }

    private static void AddOptions(IServiceCollection services, FunctionCatalog catalog, Action<AttrFanoutOptions>? configure)
    {
        var options = services.AddOptions<AttrFanoutOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<IConfigureOptions<AttrFanoutOptions>>(static sp => new AttrFanoutConfigurationBinder(sp));
        services.AddSingleton<IValidateOptions<AttrFanoutOptions>>(static _ => new AttrFanoutOptionsValidator());
        services.AddSingleton<IValidateOptions<AttrFanoutOptions>>(_ => new AttrFanoutOptionsRules(catalog));
        options.ValidateOnStart();
    }
}
