using AttrFanout;

namespace Storefront.Events;

/// <summary>A shopper left items in the cart.</summary>
[Event("shop/cart.abandoned")]
public sealed partial record CartAbandoned(string CartId, string Email);
