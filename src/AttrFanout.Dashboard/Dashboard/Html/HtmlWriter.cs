using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace AttrFanout.Dashboard.Html;

/// <summary>Writes HTML where every value from runs and events goes through <see cref="HtmlEncoder"/>; only the page's own markup is raw.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(8 * 1024);
    private readonly HtmlEncoder _encoder = HtmlEncoder.Default;

    /// <summary>Appends the page's own markup, never data.</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends data, encoded for an element's content or a quoted attribute.</summary>
    public HtmlWriter Text(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _encoder.Encode(new StringWriter(_html, CultureInfo.InvariantCulture), value);
        }

        return this;
    }

    public HtmlWriter Text(int value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends an element whose whole content is data: <c>&lt;td&gt;value&lt;/td&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? value, string? cssClass = null)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null)
        {
            Raw(" class=\"").Text(cssClass).Raw("\"");
        }

        return Raw(">").Text(value).Raw("</").Raw(tag).Raw(">");
    }

    /// <summary>Appends a link whose address and text are data.</summary>
    public HtmlWriter Link(string href, string? text, string? cssClass = null)
    {
        Raw("<a href=\"").Text(href).Raw("\"");
        if (cssClass is not null)
        {
            Raw(" class=\"").Text(cssClass).Raw("\"");
        }

        return Raw(">").Text(text).Raw("</a>");
    }

    /// <summary>Appends a time as a <c>&lt;time&gt;</c> element in UTC, or a dash.</summary>
    public HtmlWriter Time(DateTimeOffset? time)
    {
        if (time is not { } value)
        {
            return Raw("<span class=\"muted\">—</span>");
        }

        var utc = value.ToUniversalTime();
        return Raw("<time datetime=\"").Text(utc.ToString("O", CultureInfo.InvariantCulture)).Raw("\">")
            .Text(utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Raw("</time>");
    }

    /// <summary>Appends a hidden form field.</summary>
    public HtmlWriter Hidden(string name, string? value) =>
        Raw("<input type=\"hidden\" name=\"").Text(name).Raw("\" value=\"").Text(value).Raw("\">");

    public override string ToString() => _html.ToString();
}
