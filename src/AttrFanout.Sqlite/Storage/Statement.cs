namespace AttrFanout.Sqlite.Storage;

/// <summary>A SQL text and its parameter names, prepared once per connection and reused.</summary>
internal sealed class Statement(string sql, params string[] parameters)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<string> Parameters { get; } = parameters;
}
