using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace AttrFanout.Nats.Configuration;

/// <summary>
/// Resolves the store's settings when the store is created (at start): the defaults, then the <c>AttrFanout:Nats</c>
/// section (source-generated binding), then the code's URL or the app's own connection, then the code's settings; then
/// both validators, failing with every invalid setting named by its key.
/// </summary>
internal static class NatsJetStreamSettings
{
    public static NatsJetStreamOptions Resolve(IServiceProvider services, string? url, Action<NatsJetStreamOptions>? configure)
    {
        var options = new NatsJetStreamOptions();
        if (services.GetService<IConfiguration>() is { } configuration)
        {
            configuration.GetSection(NatsJetStreamOptions.SectionName).Bind(options);
        }

        if (url is not null)
        {
            options.Url = url;
        }
        else if (services.GetService<INatsConnection>() is { } shared)
        {
            options.SharedConnection = shared;
        }

        configure?.Invoke(options);
        ThrowIfInvalid(options);
        return options;
    }

    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each by its key.</exception>
    public static void ThrowIfInvalid(NatsJetStreamOptions options)
    {
        var failures = new List<string>();
        var generated = new NatsJetStreamOptionsValidator().Validate(NatsJetStreamOptions.SectionName, options);
        var rules = new NatsJetStreamOptionsRules().Validate(NatsJetStreamOptions.SectionName, options);
        if (generated.Failed)
        {
            // The generated validator names a member '<name>.<member>'; the key that sets it is '<section>:<member>'.
            failures.AddRange(generated.Failures.Select(static f => f.Replace(NatsJetStreamOptions.SectionName + ".", NatsJetStreamOptions.SectionName + ":", StringComparison.Ordinal)));
        }

        if (rules.Failed)
        {
            failures.AddRange(rules.Failures);
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(NatsJetStreamOptions.SectionName, typeof(NatsJetStreamOptions), failures);
        }
    }
}
