namespace AttrFanout.Testing.WebApp;

[Event("web/order.placed")]
public sealed partial record WebOrderPlaced(string OrderId);

[Event("web/stock.reserved")]
public sealed partial record WebStockReserved(string OrderId);

/// <summary>The warehouse's API: its first pick request of the app's life times out.</summary>
public sealed class Warehouse
{
    private int _pickRequests;

    public int PickRequests => _pickRequests;

    public void RequestPick(string orderId)
    {
        if (Interlocked.Increment(ref _pickRequests) == 1)
        {
            throw new TimeoutException($"warehouse did not answer for {orderId}");
        }
    }
}

public sealed class OrderFunctions(IEventSender sender, Warehouse warehouse)
{
    [OnEvent("web/order.placed", Id = "web-reserve-stock")]
    public async Task Reserve(WebOrderPlaced order, CancellationToken ct) => await sender.SendAsync(new WebStockReserved(order.OrderId), cancellationToken: ct);

    [OnEvent("web/stock.reserved", Id = "web-request-pick", Retries = 2)]
    public void RequestPick(WebStockReserved stock) => warehouse.RequestPick(stock.OrderId);
}
