using AttrFanout;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Testing.Tests;

[Event("cascade/order.placed")]
public sealed partial record CascadeOrderPlaced(string OrderId);

[Event("cascade/stock.reserved")]
public sealed partial record StockReserved(string OrderId);

[Event("cascade/shipment.requested")]
public sealed partial record ShipmentRequested(string OrderId);

/// <summary>What the cascade's functions did: the courier fails its first booking, the label printer every time.</summary>
public sealed class CascadeLog
{
    private int _courierBookings;
    private int _labelsPrinted;

    public List<FunctionFailed> Alerts { get; } = [];

    public int CourierBookings => _courierBookings;

    public int LabelsPrinted => _labelsPrinted;

    public void BookCourier()
    {
        if (Interlocked.Increment(ref _courierBookings) == 1)
        {
            throw new TimeoutException("courier api timed out");
        }
    }

    public void PrintLabel() => throw new InvalidOperationException($"no label printer (attempt {Interlocked.Increment(ref _labelsPrinted)})");
}

public sealed class OrderCascadeFunctions(IEventSender sender, CascadeLog log)
{
    [OnEvent("cascade/order.placed", Id = "reserve-stock")]
    public async Task Reserve(CascadeOrderPlaced order, CancellationToken ct) => await sender.SendAsync(new StockReserved(order.OrderId), cancellationToken: ct);

    [OnEvent("cascade/stock.reserved", Id = "request-shipping")]
    public async Task RequestShipping(StockReserved stock, CancellationToken ct) => await sender.SendAsync(new ShipmentRequested(stock.OrderId), cancellationToken: ct);

    [OnEvent("cascade/shipment.requested", Id = "book-courier", Retries = 3)]
    public void BookCourier(ShipmentRequested shipment) => log.BookCourier();

    [OnEvent("cascade/shipment.requested", Id = "print-label", Retries = 2)]
    public void PrintLabel(ShipmentRequested shipment) => log.PrintLabel();
}

public static class FailureAlerts
{
    /// <summary>Records every failure in the harness's <see cref="CascadeLog"/>, when the test registered one.</summary>
    [OnEvent(FunctionFailed.Name, Id = "alert-on-failure")]
    public static void Alert(FunctionFailed failure, FunctionContext context)
    {
        if (context.Services.GetService<CascadeLog>() is { } log)
        {
            lock (log.Alerts)
            {
                log.Alerts.Add(failure);
            }
        }
    }
}

[Event("loop/ping")]
public sealed partial record Ping(int Hop);

[Event("loop/pong")]
public sealed partial record Pong(int Hop);

public sealed class PingPongFunctions(IEventSender sender)
{
    [OnEvent("loop/ping", Id = "answer-ping")]
    public async Task AnswerPing(Ping ping, CancellationToken ct) => await sender.SendAsync(new Pong(ping.Hop + 1), cancellationToken: ct);

    [OnEvent("loop/pong", Id = "answer-pong")]
    public async Task AnswerPong(Pong pong, CancellationToken ct) => await sender.SendAsync(new Ping(pong.Hop + 1), cancellationToken: ct);
}
