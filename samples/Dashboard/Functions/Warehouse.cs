using AttrFanout;
using Shop.Events;
using Shop.Services;

namespace Shop.Functions;

public sealed class Warehouse(WarehouseApi warehouse)
{
    /// <summary>The flaky one: the warehouse is down for its first calls, so the first order's run fails for good and waits for a replay.</summary>
    [OnEvent("shop/order.placed", Id = "notify-warehouse", Retries = 2)]
    public Task Notify(OrderPlaced order, FunctionContext context, CancellationToken ct) =>
        warehouse.ShipAsync(order.OrderId, context.Attempt, ct);
}
