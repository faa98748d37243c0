using AttrFanout.Nats.Subjects;
using Microsoft.Extensions.Options;

namespace AttrFanout.Nats.Configuration;

/// <summary>Checks what the generated range validator cannot: names, durations and relations between settings, each by its key.</summary>
internal sealed class NatsJetStreamOptionsRules : IValidateOptions<NatsJetStreamOptions>
{
    private const string Section = NatsJetStreamOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NatsJetStreamOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.SharedConnection is null && string.IsNullOrWhiteSpace(options.Url))
        {
            builder.AddError($"{Section}:Url is required (e.g. 'nats://localhost:4222') unless the app registers its own connection with AddNatsClient.");
        }

        CheckName(builder, nameof(options.StreamName), options.StreamName);
        CheckName(builder, nameof(options.DeadLetterStreamName), options.DeadLetterStreamName);
        if (string.Equals(options.StreamName, options.DeadLetterStreamName, StringComparison.Ordinal))
        {
            builder.AddError($"{Section}:StreamName and {Section}:DeadLetterStreamName are both '{options.StreamName}'; they must differ.");
        }

        if (options.DuplicateWindow is { } window && window <= TimeSpan.Zero)
        {
            builder.AddError($"{Section}:DuplicateWindow is {window}; it must be positive.");
        }

        if (options.AckWait < TimeSpan.FromSeconds(1))
        {
            builder.AddError($"{Section}:AckWait is {options.AckWait}; it must be at least 1 second.");
        }

        if (options.FetchExpiry < TimeSpan.FromSeconds(2))
        {
            builder.AddError($"{Section}:FetchExpiry is {options.FetchExpiry}; it must be at least 2 seconds.");
        }

        if (options.AppName is { } app && (app.Length == 0 || app.Contains('\'', StringComparison.Ordinal)))
        {
            builder.AddError($"{Section}:AppName '{app}' must be non-empty and contain no quote.");
        }

        try
        {
            _ = new SubjectLayout(options.SubjectPrefix);
        }
        catch (ArgumentException e)
        {
            builder.AddError($"{Section}:SubjectPrefix: {e.Message}");
        }

        return builder.Build();
    }

    private static void CheckName(ValidateOptionsResultBuilder builder, string key, string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            builder.AddError($"{Section}:{key} is '{value}'; use only letters, digits, '-' and '_'.");
        }
    }
}
