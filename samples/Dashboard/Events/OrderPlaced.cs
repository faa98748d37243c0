using System.Text.Json.Serialization;
using AttrFanout;

namespace Shop.Events;

/// <summary>A customer placed an order; camelCase JSON, as a JavaScript or Python service would send it.</summary>
[Event("shop/order.placed", JsonNaming = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record OrderPlaced(string OrderId, string Email, decimal Total);
