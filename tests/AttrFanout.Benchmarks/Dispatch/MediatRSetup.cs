using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Benchmarks.Dispatch;

/// <summary>MediatR 5 has no DI package of the same age here: its handlers and factory are registered by hand.</summary>
public static class MediatRSetup
{
    public static ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<INotificationHandler<MediatRPing>, MediatRHandlerOne>();
        services.AddSingleton<INotificationHandler<MediatRPing>, MediatRHandlerTwo>();
        services.AddSingleton<INotificationHandler<MediatRPing>, MediatRHandlerThree>();
        services.AddSingleton<INotificationHandler<MediatRPing>, MediatRHandlerFour>();
        services.AddSingleton<INotificationHandler<MediatRPing>, MediatRHandlerFive>();
        services.AddSingleton<ServiceFactory>(static provider => provider.GetService!);
        services.AddSingleton<IMediator, MediatR.Mediator>();
        return services.BuildServiceProvider();
    }
}
