using AttrFanout.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Cli.Targets;

/// <summary>
/// An app's SQLite store file, opened read-write beside the app (the store is made for several processes sharing a file).
/// The file must exist and be of the schema this tool's AttrFanout.Sqlite writes: the tool creates and upgrades nothing.
/// </summary>
internal sealed class SqliteTarget : StoreTarget
{
    private SqliteTarget(ServiceProvider services, string path)
        : base(services, $"SQLite file {path}")
    {
    }

    protected override string Holder => "the file";

    /// <summary>Checks the file, then opens the store on it.</summary>
    /// <exception cref="CliException">No such file, not an AttrFanout store, or another schema version.</exception>
    public static SqliteTarget Open(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw CliException.Failed($"No file at '{fullPath}'. --sqlite takes the app's store file: the Data Source of its AttrFanout SQLite connection string.");
        }

        CheckSchema(fullPath);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath }.ToString();
        var services = Services(o => o.UseSqlite(connectionString, s => s.PruneInterval = TimeSpan.FromDays(30)));
        try
        {
            _ = services.GetRequiredService<IFunctionRuns>();
        }
        catch (Exception e) when (e is SqliteException or SqliteStoreException or InvalidOperationException)
        {
            services.Dispose();
            throw CliException.Failed($"Cannot open '{fullPath}': {e.Message}");
        }

        return new SqliteTarget(services, fullPath);
    }

    private static void CheckSchema(string path)
    {
        var latest = Migrations.All[^1].Version;
        int version;
        bool hasRuns;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            version = SchemaMigrator.ReadVersion(connection);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'runs'";
            hasRuns = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException e)
        {
            throw CliException.Failed($"Cannot read '{path}' as a SQLite database: {e.Message}");
        }

        if (version == 0 || !hasRuns)
        {
            throw CliException.Failed($"'{path}' is not an AttrFanout SQLite store (it has no AttrFanout schema). --sqlite takes the file of the app's o.UseSqlite(...).");
        }

        if (version > latest)
        {
            throw CliException.Failed(
                $"'{path}' has schema version {version}, written by a newer AttrFanout.Sqlite than this tool knows (up to {latest}). Update the tool: dotnet tool update -g AttrFanout.Cli.");
        }

        if (version < latest)
        {
            throw CliException.Failed(
                $"'{path}' has schema version {version}, of an older AttrFanout.Sqlite (this tool writes {latest}). The tool does not upgrade a file an older app may still use: start the app on the current AttrFanout.Sqlite once (it upgrades the file), or use the attrfanout version of the app's AttrFanout.");
        }
    }

    public override Task<SentEvent> SendAsync(OutgoingEvent evt, CancellationToken cancellationToken) =>
        throw CliException.Usage(
            "A SQLite file cannot take an event: which functions subscribe to it, and their settings, live in the app's code, not in the file. Send through the app's HTTP event endpoint instead: attrfanout send ... --url <dashboard URL> --event-key <key>.");
}
