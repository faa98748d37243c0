using AttrFanout;

namespace Storefront.Events;

/// <summary>A shopper typed in the search box; one event per keystroke.</summary>
[Event("shop/search.typed")]
public sealed partial record SearchTyped(string SessionId, string Query);
