using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Sqlite.Tests;

/// <summary>A database file in a fresh temporary folder, deleted with the folder when the test ends.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<SqliteRunStore> _stores = [];
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "attrfanout-sqlite-" + Guid.NewGuid().ToString("N"));

    public TestDatabase(TimeProvider? time = null)
    {
        RealTime = time;
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "fanout.db");
    }

    public string Path { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    internal Engine.TestLogs Logs { get; } = new();

    public string ConnectionString => $"Data Source={Path}";

    internal SqliteStoreOptions Options(Action<SqliteStoreOptions>? configure = null)
    {
        var options = new SqliteStoreOptions { ConnectionString = ConnectionString };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Gets the clock stores opened by <see cref="Open"/> use instead of <see cref="Time"/>, when the test shares the file with child processes.</summary>
    public TimeProvider? RealTime { get; }

    internal SqliteRunStore Open(Action<SqliteStoreOptions>? configure = null, TimeProvider? time = null)
    {
        var store = SqliteRunStore.Open(Options(configure), time ?? RealTime ?? Time);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    internal SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
