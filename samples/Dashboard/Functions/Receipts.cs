using AttrFanout;
using Shop.Events;
using Shop.Services;

namespace Shop.Functions;

public sealed class Receipts(ShopLog log)
{
    [OnEvent("shop/order.placed", Id = "email-receipt", Retries = 8)]
    public Task Send(Event<OrderPlaced> order, CancellationToken ct)
    {
        log.Write($"emailed the receipt of {order.Data.OrderId} ({order.Data.Total:0.00}, ordered {order.Timestamp:O}) to {order.Data.Email}");
        return Task.CompletedTask;
    }
}
