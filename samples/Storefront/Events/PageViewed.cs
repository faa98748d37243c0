using AttrFanout;

namespace Storefront.Events;

/// <summary>A shopper viewed a page of a tenant's shop.</summary>
[Event("shop/page.viewed")]
public sealed partial record PageViewed(string TenantId, string Path);
