namespace AttrFanout.Nats.Tests.EndToEnd;

[Event("shop/order.placed")]
public sealed partial record OrderPlaced(string OrderId, int Amount);

public sealed class Billing(Journal journal)
{
    [OnEvent("shop/order.placed", Id = "charge-card")]
    public Task Charge(OrderPlaced order, FunctionContext context) => journal.RecordAsync(context, order.OrderId);
}

public sealed class Receipts(Journal journal)
{
    [OnEvent("shop/order.placed", Id = "send-receipt")]
    public Task Send(Event<OrderPlaced> order, FunctionContext context, CancellationToken cancellationToken) =>
        journal.RecordAsync(context, order.Data.OrderId, cancellationToken);
}

public sealed class Stock(Journal journal)
{
    [OnEvent("shop/order.placed", Id = "reserve-stock", Retries = 2)]
    public Task Reserve(OrderPlaced order, FunctionContext context) => journal.RecordAsync(context, order.OrderId);
}

public sealed class Alerts(Journal journal)
{
    [OnEvent(FunctionFailed.Name, Id = "alert-on-failure", Retries = 0)]
    public Task Alert(FunctionFailed failure, FunctionContext context)
    {
        journal.Failures.Enqueue(failure);
        return journal.RecordAsync(context, failure.RunId);
    }
}

/// <summary>Declared, with no function subscribed: sending it is accepted and starts no run.</summary>
[Event("shop/order.audited")]
public sealed partial record OrderAudited(string OrderId);
