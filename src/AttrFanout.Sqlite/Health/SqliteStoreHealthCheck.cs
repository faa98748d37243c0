using AttrFanout.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AttrFanout.Sqlite.Health;

/// <summary>
/// Healthy when the store's file can be written: a connection of its own takes the file's write lock and changes its
/// header inside a transaction it rolls back. Names the file, never the rest of the connection string.
/// </summary>
internal sealed class SqliteStoreHealthCheck(IServiceProvider services, SqliteStoreHealthCheck.Settings settings) : IHealthCheck
{
    /// <summary>How long the probe waits for another connection's write lock before it calls the file busy.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        _ = services.GetRequiredService<IFanoutStore>(); // opens the store (and resolves its settings) if nothing did yet
        if (settings.Options is not { } options)
        {
            return HealthCheckResult.Unhealthy("The SQLite store is not the app's store.");
        }

        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var probe = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        try
        {
            await using var connection = new SqliteConnection(probe.ToString());
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA user_version";
            var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = $"PRAGMA user_version = {version}";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The SQLite file '{file}' is writable (schema version {version}).");
        }
        catch (SqliteException error) when (error.SqliteErrorCode is 5 or 6)
        {
            return HealthCheckResult.Degraded($"The SQLite file '{file}' is busy: another connection held its write lock for more than {BusyTimeout.TotalSeconds:0} s ({error.Message}). Runs wait meanwhile; look for another process writing to the file, or a long transaction.");
        }
        catch (SqliteException error)
        {
            return HealthCheckResult.Unhealthy($"The SQLite file '{file}' cannot be written ({error.Message}). Check that the file and its folder exist and are writable by this process, and that the disk is not full; sends fail and runs wait until it can.");
        }
    }

    /// <summary>The store's settings once they are resolved (when the store is created).</summary>
    internal sealed class Settings
    {
        public SqliteStoreOptions? Options { get; set; }
    }
}
