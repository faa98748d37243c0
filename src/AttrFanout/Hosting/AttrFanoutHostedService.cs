using AttrFanout.Engine;
using Microsoft.Extensions.Hosting;

namespace AttrFanout.Hosting;

/// <summary>Starts the engine with the host and stops it gracefully when the host stops.</summary>
internal sealed class AttrFanoutHostedService(FanoutEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        engine.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
