namespace AttrFanout.Cli.Output;

/// <summary>A plain text table: a header row (none when every header is empty) and rows, each column as wide as its widest cell, two spaces apart.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Add(params string?[] cells)
    {
        _rows.Add([.. cells.Select(static c => c ?? "")]);
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows.Prepend(headers))
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var rows = headers.All(static h => h.Length == 0) ? _rows : _rows.Prepend(headers);
        foreach (var row in rows)
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])));
            writer.WriteLine(line.TrimEnd());
        }
    }
}
