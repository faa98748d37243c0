using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Schema;

/// <summary>Brings a database to the latest schema, inside one write transaction so concurrent openers agree.</summary>
internal static class SchemaMigrator
{
    public static int Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        try
        {
            var current = ReadVersion(connection);
            var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
            if (current > latest)
            {
                throw new InvalidOperationException(
                    $"The database's schema version is {current}, newer than {latest}, the latest this version of AttrFanout.Sqlite knows. Upgrade AttrFanout.Sqlite or use another file.");
            }

            foreach (var migration in migrations)
            {
                if (migration.Version <= current)
                {
                    continue;
                }

                using var step = connection.CreateCommand();
                step.CommandText = migration.Sql + $";\nPRAGMA user_version = {migration.Version};";
                step.ExecuteNonQuery();
                current = migration.Version;
            }

            Execute(connection, "COMMIT");
            return current;
        }
        catch
        {
            Execute(connection, "ROLLBACK");
            throw;
        }
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
