using MediatR;

namespace AttrFanout.Benchmarks.Dispatch;

public sealed record MediatRPing(int Value) : INotification;

public sealed class MediatRHandlerOne : INotificationHandler<MediatRPing>
{
    public Task Handle(MediatRPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return Task.CompletedTask;
    }
}

public sealed class MediatRHandlerTwo : INotificationHandler<MediatRPing>
{
    public Task Handle(MediatRPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return Task.CompletedTask;
    }
}

public sealed class MediatRHandlerThree : INotificationHandler<MediatRPing>
{
    public Task Handle(MediatRPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return Task.CompletedTask;
    }
}

public sealed class MediatRHandlerFour : INotificationHandler<MediatRPing>
{
    public Task Handle(MediatRPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return Task.CompletedTask;
    }
}

public sealed class MediatRHandlerFive : INotificationHandler<MediatRPing>
{
    public Task Handle(MediatRPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return Task.CompletedTask;
    }
}
