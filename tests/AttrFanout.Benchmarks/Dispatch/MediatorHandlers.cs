using Mediator;

namespace AttrFanout.Benchmarks.Dispatch;

public sealed record MediatorPing(int Value) : INotification;

public sealed class MediatorHandlerOne : INotificationHandler<MediatorPing>
{
    public ValueTask Handle(MediatorPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return default;
    }
}

public sealed class MediatorHandlerTwo : INotificationHandler<MediatorPing>
{
    public ValueTask Handle(MediatorPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return default;
    }
}

public sealed class MediatorHandlerThree : INotificationHandler<MediatorPing>
{
    public ValueTask Handle(MediatorPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return default;
    }
}

public sealed class MediatorHandlerFour : INotificationHandler<MediatorPing>
{
    public ValueTask Handle(MediatorPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return default;
    }
}

public sealed class MediatorHandlerFive : INotificationHandler<MediatorPing>
{
    public ValueTask Handle(MediatorPing notification, CancellationToken cancellationToken)
    {
        DispatchFunctions.Calls++;
        return default;
    }
}
