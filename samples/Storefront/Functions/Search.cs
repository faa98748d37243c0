using AttrFanout;
using Storefront.Events;

namespace Storefront.Functions;

/// <summary>Search runs once a shopper stops typing for a second, with the last query, per session.</summary>
public sealed class Search(ShopActivity activity)
{
    [OnEvent("shop/search.typed", Id = "search-suggestions")]
    [Debounce(PeriodSeconds = 1, MaxWaitSeconds = 10, Key = nameof(SearchTyped.SessionId))]
    public void Suggest(SearchTyped typed) => activity.Searched(typed.SessionId, typed.Query);
}
