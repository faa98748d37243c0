using AttrFanout;
using Storefront.Events;

namespace Storefront.Functions;

/// <summary>A reminder for an abandoned cart waits a while; the order of that cart cancels it.</summary>
public sealed class CartReminder(ShopActivity activity, TimeProvider time)
{
    [OnEvent("shop/cart.abandoned", Id = "remind-cart")]
    [CancelOn("shop/order.placed", Match = nameof(CartAbandoned.CartId), TimeoutSeconds = 3600)]
    public async Task Remind(CartAbandoned cart, CancellationToken cancellationToken)
    {
        activity.ReminderWaiting(cart.CartId);
        await Task.Delay(TimeSpan.FromMinutes(30), time, cancellationToken);
        activity.Reminded(cart.CartId);
    }
}
