using AttrFanout.Benchmarks.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Benchmarks.Fanout;

public sealed record MassTransitTick(int Sequence);

public sealed class MassTransitConsumerOne : IConsumer<MassTransitTick>
{
    public Task Consume(ConsumeContext<MassTransitTick> context) => MassTransitFanout.Consumed();
}

public sealed class MassTransitConsumerTwo : IConsumer<MassTransitTick>
{
    public Task Consume(ConsumeContext<MassTransitTick> context) => MassTransitFanout.Consumed();
}

public sealed class MassTransitConsumerThree : IConsumer<MassTransitTick>
{
    public Task Consume(ConsumeContext<MassTransitTick> context) => MassTransitFanout.Consumed();
}

public sealed class MassTransitConsumerFour : IConsumer<MassTransitTick>
{
    public Task Consume(ConsumeContext<MassTransitTick> context) => MassTransitFanout.Consumed();
}

public sealed class MassTransitConsumerFive : IConsumer<MassTransitTick>
{
    public Task Consume(ConsumeContext<MassTransitTick> context) => MassTransitFanout.Consumed();
}

/// <summary>MassTransit's in-memory transport with five consumers of one message, each on its own receive endpoint.</summary>
public sealed class MassTransitFanout : IAsyncDisposable
{
    public static readonly Countdown Calls = new();

    private readonly ServiceProvider _services;
    private readonly IBusControl _bus;

    private MassTransitFanout(ServiceProvider services)
    {
        _services = services;
        _bus = services.GetRequiredService<IBusControl>();
    }

    public IBus Bus => _bus;

    public static Task Consumed()
    {
        Calls.Signal();
        return Task.CompletedTask;
    }

    public static async Task<MassTransitFanout> StartAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(static b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMassTransit(x =>
        {
            x.AddConsumer<MassTransitConsumerOne>();
            x.AddConsumer<MassTransitConsumerTwo>();
            x.AddConsumer<MassTransitConsumerThree>();
            x.AddConsumer<MassTransitConsumerFour>();
            x.AddConsumer<MassTransitConsumerFive>();
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseMessageRetry(static r => r.Immediate(4));
                cfg.ConfigureEndpoints(context);
            });
        });
        var fanout = new MassTransitFanout(services.BuildServiceProvider());
        await fanout._bus.StartAsync().ConfigureAwait(false);
        return fanout;
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
