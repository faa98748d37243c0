using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>An event as a JavaScript producer writes it: camelCase members, and a name whose subject needs escapes.</summary>
[Event("js/cart.checked_out", JsonNaming = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record CartCheckedOut(string CartId, int ItemCount, IReadOnlyList<CartLine> Lines);

public sealed record CartLine(string Sku, decimal Price);

/// <summary>Two functions of the cart event; each keeps the event it was given, by cart and function.</summary>
public sealed class CartFunctions(Journal journal)
{
    public static readonly string[] Ids = ["bill-cart", "ship-cart"];

    /// <summary>The events the functions were given, keyed by cart Id and function Id; tests use cart Ids of their own.</summary>
    public static ConcurrentDictionary<(string CartId, string FunctionId), Event<CartCheckedOut>> Received { get; } = new();

    [OnEvent("js/cart.checked_out", Id = "bill-cart")]
    public Task Bill(Event<CartCheckedOut> cart, FunctionContext context) => Keep(cart, context);

    [OnEvent("js/cart.checked_out", Id = "ship-cart")]
    public Task Ship(Event<CartCheckedOut> cart, FunctionContext context) => Keep(cart, context);

    private Task Keep(Event<CartCheckedOut> cart, FunctionContext context)
    {
        Received[(cart.Data.CartId, context.FunctionId)] = cart;
        return journal.RecordAsync(context, cart.Data.CartId);
    }
}
