using AttrFanout.Nats;
using AttrFanout.Nats.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AttrFanout;

/// <summary>Runs AttrFanout on NATS JetStream.</summary>
public static class NatsJetStreamAttrFanoutOptionsExtensions
{
    /// <summary>
    /// Keeps events and runs in NATS JetStream: every app instance using the same server and stream shares each
    /// function's runs, and retries, redeliveries and dead letters go through the server.
    /// </summary>
    /// <param name="options">The AttrFanout options.</param>
    /// <param name="url">The server URL, e.g. <c>nats://localhost:4222</c>.</param>
    /// <param name="configure">Sets the stream, storage, replicas, subject prefix and timing.</param>
    /// <returns>The options.</returns>
    /// <exception cref="AttrFanoutConfigurationException">A NATS setting is invalid (thrown when the store is first created).</exception>
    public static AttrFanoutOptions UseNatsJetStream(this AttrFanoutOptions options, string url, Action<NatsJetStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nats = new NatsJetStreamOptions { Url = url };
        configure?.Invoke(nats);
        nats.Validate();
        options.UseStore(sp => new NatsJetStreamStore(
            nats,
            sp.GetRequiredService<IOptions<AttrFanoutOptions>>().Value,
            sp.GetRequiredService<FunctionCatalog>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        return options;
    }
}
