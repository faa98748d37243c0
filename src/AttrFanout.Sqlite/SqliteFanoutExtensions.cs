using AttrFanout.Sqlite;
using AttrFanout.Sqlite.Engine;
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
    /// Keeps events and runs in the SQLite file of <paramref name="connectionString"/> (created when missing): accepted
    /// events and their runs survive a crash, unfinished runs resume after restart, and scheduled retries still happen.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <param name="connectionString">The connection string, e.g. <c>Data Source=app.db</c>.</param>
    /// <param name="configure">Adjusts the store's settings: durability, leases, polling, retention.</param>
    /// <returns>The options.</returns>
    /// <remarks>
    /// The store's idempotency window is <see cref="AttrFanoutOptions.IdempotencyWindow"/>; payloads are stored as JSON
    /// and limited by <see cref="AttrFanoutOptions.MaxPayloadBytes"/>.
    /// </remarks>
    public static AttrFanoutOptions UseSqlite(this AttrFanoutOptions options, string connectionString, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return options.UseStore(services =>
        {
            var fanout = services.GetRequiredService<IOptions<AttrFanoutOptions>>().Value;
            var storeOptions = new SqliteStoreOptions { ConnectionString = connectionString, IdempotencyWindow = fanout.IdempotencyWindow };
            configure?.Invoke(storeOptions);
            var time = services.GetRequiredService<TimeProvider>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AttrFanout.Sqlite");
            var store = SqliteRunStore.Open(storeOptions, time);
            var adapter = new SqliteFanoutStore(store, storeOptions, services.GetRequiredService<FunctionCatalog>(), fanout, time, logger, services.GetService<FailureThrottle>());
            SqliteStoreLog.Opened(logger, new SqliteConnectionStringBuilder(connectionString).DataSource, store.SchemaVersion, adapter.Owner);
            return adapter;
        });
    }
}
