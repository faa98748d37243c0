using AttrFanout;

namespace Storefront.Events;

/// <summary>A shopper placed the order of a cart.</summary>
[Event("shop/order.placed")]
public sealed partial record OrderPlaced(string CartId, decimal Total);
