using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>Shows what the store said it could not include in a listing or a count, so a short list is never mistaken for a complete one.</summary>
internal static class Gaps
{
    public static void Write(HtmlWriter html, IReadOnlyList<ListingGap> gaps)
    {
        foreach (var gap in gaps)
        {
            html.Raw("<p class=\"incomplete\" data-gap=\"").Text(gap.Kind.ToString()).Raw("\">Not shown: ").Text(gap.Reason).Raw("</p>");
        }
    }
}
