using AttrFanout.Benchmarks.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.ErrorHandling;

namespace AttrFanout.Benchmarks.Fanout;

public sealed record WolverineTick(int Sequence);

public sealed class WolverineHandlerOne { public static void Handle(WolverineTick tick) => WolverineFanout.Calls.Signal(); }

public sealed class WolverineHandlerTwo { public static void Handle(WolverineTick tick) => WolverineFanout.Calls.Signal(); }

public sealed class WolverineHandlerThree { public static void Handle(WolverineTick tick) => WolverineFanout.Calls.Signal(); }

public sealed class WolverineHandlerFour { public static void Handle(WolverineTick tick) => WolverineFanout.Calls.Signal(); }

public sealed class WolverineHandlerFive { public static void Handle(WolverineTick tick) => WolverineFanout.Calls.Signal(); }

/// <summary>Wolverine with five handlers of one message, each on its own local queue (<see cref="MultipleHandlerBehavior.Separated"/>).</summary>
public sealed class WolverineFanout : IAsyncDisposable
{
    public static readonly Countdown Calls = new();

    private readonly IHost _host;

    private WolverineFanout(IHost host)
    {
        _host = host;
        Bus = host.Services.GetRequiredService<IMessageBus>();
    }

    public IMessageBus Bus { get; }

    public static async Task<WolverineFanout> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(WolverineFanout).Assembly;
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            opts.Discovery.DisableConventionalDiscovery()
                .IncludeType<WolverineHandlerOne>()
                .IncludeType<WolverineHandlerTwo>()
                .IncludeType<WolverineHandlerThree>()
                .IncludeType<WolverineHandlerFour>()
                .IncludeType<WolverineHandlerFive>();
            opts.Policies.OnAnyException().RetryTimes(4);
        });
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new WolverineFanout(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
