using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Storage;

/// <summary>Opens connections configured the same way: WAL journal, the chosen synchronous level, a busy timeout.</summary>
internal sealed class ConnectionFactory(SqliteStoreOptions options)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(options.ConnectionString)
    {
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
    }.ToString();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            var synchronous = options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
            var busyMs = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            command.CommandText = $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = {synchronous};";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static string EnableWal(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = (string?)command.ExecuteScalar() ?? "";
        if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase) && !mode.Equals("memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused the WAL journal (it reports '{mode}'); AttrFanout.Sqlite needs a file on a local disk.");
        }

        return mode;
    }
}
