using AttrFanout.Stores;

namespace AttrFanout.Tests.Engine;

public sealed class PageCursorTests
{
    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 7L)]
    [InlineData(long.MaxValue, -1L)]
    public void A_cursor_reads_back_as_written(long position, long tiebreak)
    {
        var text = new PageCursor(position, tiebreak).Encode();

        Assert.Equal(new PageCursor(position, tiebreak), PageCursor.Decode(text));
        Assert.DoesNotContain(text, c => c is '+' or '/' or '=');
    }

    [Fact]
    public void No_cursor_is_the_first_page()
    {
        Assert.Null(PageCursor.Decode(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cursor")]
    [InlineData("AQAAAAAAAAABAAAAAAAAAAcA")]
    [InlineData("!!!")]
    public void Text_it_did_not_write_is_refused_with_what_to_pass_instead(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => PageCursor.Decode(text));

        Assert.Contains("NextCursor", error.Message);
    }
}
