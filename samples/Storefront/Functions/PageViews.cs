using AttrFanout;
using Storefront.Events;

namespace Storefront.Functions;

/// <summary>Page views are written in batches per tenant: one run for up to 25 views, or for what came within 2 seconds.</summary>
public sealed class PageViews(ShopActivity activity)
{
    [OnEvent("shop/page.viewed", Id = "store-page-views")]
    [Batch(MaxSize = 25, TimeoutSeconds = 2, Key = nameof(PageViewed.TenantId))]
    public void Store(IReadOnlyList<PageViewed> views) => activity.Batch(views[0].TenantId, views.Count);
}
