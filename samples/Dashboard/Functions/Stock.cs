using AttrFanout;
using Shop.Events;
using Shop.Services;

namespace Shop.Functions;

public static class Stock
{
    [OnEvent("shop/order.placed", Id = "reserve-stock")]
    public static void Reserve(OrderPlaced order, FunctionContext context) =>
        context.Services.GetRequiredService<ShopLog>().Write($"reserved stock for {order.OrderId}");
}
