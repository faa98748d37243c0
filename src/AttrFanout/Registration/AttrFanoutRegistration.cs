using System.ComponentModel;
using AttrFanout.Generated;
using AttrFanout.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (seen.Add(module.AssemblyName))
            {
                module.Register(builder);
            }
        }

        services.AddSingleton(FunctionCatalog.Create(builder));
        var options = services.AddOptions<AttrFanoutOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FanoutEngine>();
        services.TryAddSingleton<IEventSender>(static sp => sp.GetRequiredService<FanoutEngine>());
        return services;
    }
}
