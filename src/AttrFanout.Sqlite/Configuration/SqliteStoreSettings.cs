using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttrFanout.Sqlite.Configuration;

/// <summary>
/// Resolves the store's settings when the store is created (at start): the defaults, then the <c>AttrFanout:Sqlite</c>
/// section (source-generated binding) with the connection string it names, then the code's connection string and
/// settings; then both validators, failing with every invalid setting named by its key.
/// </summary>
internal static class SqliteStoreSettings
{
    private const string Section = SqliteStoreOptions.SectionName;

    public static SqliteStoreOptions Resolve(IServiceProvider services, TimeSpan idempotencyWindow, string? connectionString, Action<SqliteStoreOptions>? configure)
    {
        var options = new SqliteStoreOptions { IdempotencyWindow = idempotencyWindow };
        var configuration = services.GetService<IConfiguration>();
        configuration?.GetSection(Section).Bind(options);
        if (connectionString is not null)
        {
            options.ConnectionString = connectionString;
        }
        else if (options.ConnectionStringName is { Length: > 0 } name && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            // An explicit ConnectionString (e.g. an environment variable over appsettings.json) wins over the name.
            options.ConnectionString = configuration?.GetConnectionString(name) is { Length: > 0 } named
                ? named
                : throw Invalid($"{Section}:ConnectionStringName is '{name}', but there is no connection string 'ConnectionStrings:{name}' in the configuration.");
        }

        configure?.Invoke(options);
        ThrowIfInvalid(options);
        return options;
    }

    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each by its key.</exception>
    public static void ThrowIfInvalid(SqliteStoreOptions options)
    {
        var failures = new List<string>();
        var generated = new SqliteStoreOptionsValidator().Validate(Section, options);
        if (generated.Failed)
        {
            // The generated validator names a member '<name>.<member>'; the key that sets it is '<section>:<member>'.
            failures.AddRange(generated.Failures.Select(static f => f.Replace(Section + ".", Section + ":", StringComparison.Ordinal)));
        }

        var rules = new SqliteStoreOptionsRules().Validate(Section, options);
        if (rules.Failed)
        {
            failures.AddRange(rules.Failures);
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(SqliteStoreOptions), failures);
        }
    }

    private static OptionsValidationException Invalid(string failure) => new(Section, typeof(SqliteStoreOptions), [failure]);
}
