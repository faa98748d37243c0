using AttrFanout.Nats;
using AttrFanout.Nats.Configuration;
using AttrFanout.Nats.Health;
using AttrFanout.Nats.Store;
using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace AttrFanout;

/// <summary>Runs AttrFanout on NATS JetStream.</summary>
public static class NatsJetStreamAttrFanoutOptionsExtensions
{
    /// <summary>
    /// Keeps events and runs in NATS JetStream through the app's own connection: the <see cref="INatsConnection"/>
    /// registered in DI (<c>services.AddNatsClient(...)</c>), with its credentials, TLS, inbox prefix and logging. When the
    /// app registers none, AttrFanout opens its own connection to <c>AttrFanout:Nats:Url</c>.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <returns>The options.</returns>
    /// <remarks>
    /// Every setting of <see cref="NatsJetStreamOptions"/> is read from the <c>AttrFanout:Nats</c> configuration section
    /// and validated when the store is created (at start): an invalid one fails the start with an
    /// <see cref="OptionsValidationException"/> naming its key.
    /// </remarks>
    public static AttrFanoutOptions UseNatsJetStream(this AttrFanoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Use(options, url: null, configure: null);
    }

    /// <summary>
    /// Keeps events and runs in NATS JetStream through the app's own connection (see <see cref="UseNatsJetStream(AttrFanoutOptions)"/>),
    /// with settings adjusted in code; they win over the <c>AttrFanout:Nats</c> configuration section.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <param name="configure">Sets the stream, storage, replicas, subject prefix and timing.</param>
    /// <returns>The options.</returns>
    public static AttrFanoutOptions UseNatsJetStream(this AttrFanoutOptions options, Action<NatsJetStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        return Use(options, url: null, configure);
    }

    /// <summary>
    /// Keeps events and runs in NATS JetStream: every app instance using the same server and stream shares each
    /// function's runs, and retries, redeliveries and dead letters go through the server. AttrFanout opens its own
    /// connection to <paramref name="url"/>; <see cref="NatsJetStreamOptions.ConfigureConnection"/> sets its credentials
    /// and TLS.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <param name="url">The server URL, e.g. <c>nats://localhost:4222</c>; it wins over <c>AttrFanout:Nats:Url</c>.</param>
    /// <param name="configure">Sets the stream, storage, replicas, subject prefix and timing; wins over the <c>AttrFanout:Nats</c> section.</param>
    /// <returns>The options.</returns>
    /// <exception cref="OptionsValidationException">A NATS setting is invalid (thrown when the store is created, at start).</exception>
    public static AttrFanoutOptions UseNatsJetStream(this AttrFanoutOptions options, string url, Action<NatsJetStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(url);
        return Use(options, url, configure);
    }

    private static AttrFanoutOptions Use(AttrFanoutOptions options, string? url, Action<NatsJetStreamOptions>? configure) =>
        options.UseStore(
            sp => new NatsJetStreamStore(
                NatsJetStreamSettings.Resolve(sp, url, configure),
                sp.GetRequiredService<IOptions<AttrFanoutOptions>>().Value,
                sp.GetRequiredService<FunctionCatalog>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance),
            static sp => new NatsJetStreamHealthCheck(sp.GetRequiredService<IFanoutStore>()));
}
