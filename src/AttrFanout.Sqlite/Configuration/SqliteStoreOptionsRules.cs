using Microsoft.Extensions.Options;

namespace AttrFanout.Sqlite.Configuration;

/// <summary>Checks what the generated range validator cannot: the connection string and the durations, each by its key.</summary>
internal sealed class SqliteStoreOptionsRules : IValidateOptions<SqliteStoreOptions>
{
    private const string Section = SqliteStoreOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError($"{Section}:ConnectionString is required, e.g. 'Data Source=app.db' (or name one in ConnectionStrings with {Section}:ConnectionStringName).");
        }

        RequirePositive(builder, nameof(options.BusyTimeout), options.BusyTimeout);
        RequirePositive(builder, nameof(options.IdempotencyWindow), options.IdempotencyWindow);
        RequirePositive(builder, nameof(options.RetentionPeriod), options.RetentionPeriod);
        RequirePositive(builder, nameof(options.FailedRetentionPeriod), options.FailedRetentionPeriod);
        RequirePositive(builder, nameof(options.LeaseDuration), options.LeaseDuration);
        RequirePositive(builder, nameof(options.PollInterval), options.PollInterval);
        RequirePositive(builder, nameof(options.PruneInterval), options.PruneInterval);
        return builder.Build();
    }

    private static void RequirePositive(ValidateOptionsResultBuilder builder, string key, TimeSpan? value)
    {
        if (value is { } actual && actual <= TimeSpan.Zero)
        {
            builder.AddError($"{Section}:{key} is {actual}; it must be positive.");
        }
    }
}
