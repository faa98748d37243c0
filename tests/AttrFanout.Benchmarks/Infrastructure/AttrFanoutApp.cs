using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Benchmarks.Infrastructure;

/// <summary>The AttrFanout runtime as an app without a host uses it: services, sender, runs.</summary>
public sealed class AttrFanoutApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AttrFanoutApp(Action<AttrFanoutOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(static b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddAttrFanout(o => configure?.Invoke(o));
        _services = services.BuildServiceProvider();
        Sender = _services.GetRequiredService<IEventSender>();
        Runs = _services.GetRequiredService<IFunctionRuns>();
    }

    public IEventSender Sender { get; }

    public IFunctionRuns Runs { get; }

    public IServiceProvider Services => _services;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
