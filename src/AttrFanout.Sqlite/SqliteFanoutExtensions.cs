using AttrFanout.Sqlite;
using AttrFanout.Sqlite.Configuration;
using AttrFanout.Sqlite.Engine;
using AttrFanout.Sqlite.Health;
using AttrFanout.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttrFanout;

/// <summary>Keeps AttrFanout's events and runs in a SQLite file.</summary>
public static class SqliteFanoutExtensions
{
    /// <summary>
    /// Keeps events and runs in the SQLite file named by configuration: <c>AttrFanout:Sqlite:ConnectionString</c>, or the
    /// connection string in <c>ConnectionStrings</c> that <c>AttrFanout:Sqlite:ConnectionStringName</c> names. Every other
    /// setting of <see cref="SqliteStoreOptions"/> is read from the <c>AttrFanout:Sqlite</c> section too.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <returns>The options.</returns>
    /// <remarks>
    /// The settings are validated when the store is created (at start): an invalid one fails the start with an
    /// <see cref="OptionsValidationException"/> naming its key.
    /// </remarks>
    public static AttrFanoutOptions UseSqlite(this AttrFanoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Use(options, connectionString: null, configure: null);
    }

    /// <summary>
    /// Keeps events and runs in the SQLite file named by configuration (see <see cref="UseSqlite(AttrFanoutOptions)"/>), with
    /// settings adjusted in code; they win over the <c>AttrFanout:Sqlite</c> section.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <param name="configure">Adjusts the store's settings: durability, leases, polling, retention.</param>
    /// <returns>The options.</returns>
    public static AttrFanoutOptions UseSqlite(this AttrFanoutOptions options, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        return Use(options, connectionString: null, configure);
    }

    /// <summary>
    /// Keeps events and runs in the SQLite file of <paramref name="connectionString"/> (created when missing): accepted
    /// events and their runs survive a crash, unfinished runs resume after restart, and scheduled retries still happen.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <param name="connectionString">The connection string, e.g. <c>Data Source=app.db</c>; it wins over the configuration.</param>
    /// <param name="configure">Adjusts the store's settings: durability, leases, polling, retention; wins over the <c>AttrFanout:Sqlite</c> section.</param>
    /// <returns>The options.</returns>
    /// <remarks>
    /// The store's idempotency window is <see cref="AttrFanoutOptions.IdempotencyWindow"/>; payloads are stored as JSON
    /// and limited by <see cref="AttrFanoutOptions.MaxPayloadBytes"/>.
    /// </remarks>
    public static AttrFanoutOptions UseSqlite(this AttrFanoutOptions options, string connectionString, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return Use(options, connectionString, configure);
    }

    private static AttrFanoutOptions Use(AttrFanoutOptions options, string? connectionString, Action<SqliteStoreOptions>? configure)
    {
        var settings = new SqliteStoreHealthCheck.Settings();
        return options.UseStore(
            services => Create(services, connectionString, configure, settings),
            services => new SqliteStoreHealthCheck(services, settings));
    }

    private static SqliteFanoutStore Create(IServiceProvider services, string? connectionString, Action<SqliteStoreOptions>? configure, SqliteStoreHealthCheck.Settings settings)
    {
        var fanout = services.GetRequiredService<IOptions<AttrFanoutOptions>>().Value;
        var storeOptions = SqliteStoreSettings.Resolve(services, fanout.IdempotencyWindow, connectionString, configure);
        settings.Options = storeOptions;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AttrFanout.Sqlite");
        var store = SqliteRunStore.Open(storeOptions, time);
        var adapter = new SqliteFanoutStore(store, storeOptions, services.GetRequiredService<FunctionCatalog>(), fanout, time, logger, services.GetService<FailureThrottle>());
        SqliteStoreLog.Opened(logger, new SqliteConnectionStringBuilder(storeOptions.ConnectionString).DataSource, store.SchemaVersion, adapter.Owner);
        return adapter;
    }
}
