using AttrFanout.Nats;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Cli.Tests.Infrastructure;

/// <summary>
/// The Dashboard sample (<see cref="ShopApp"/>) as a real app for the tool to work on: on its own SQLite file, or on a NATS
/// stream; its warehouse down for its first three calls, so an order's <c>notify-warehouse</c> run fails for good and a
/// replay succeeds.
/// </summary>
internal static class ShopHost
{
    /// <param name="retryDelay">The base delay between attempts.</param>
    /// <param name="nats">The NATS stream to run on instead of the SQLite file.</param>
    public static ShopApp Create(TimeSpan? retryDelay = null, NatsJetStreamOptions? nats = null) =>
        new(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Shop:WarehouseOutages"] = "3",
                ["AttrFanout:BaseRetryDelay"] = (retryDelay ?? TimeSpan.FromMilliseconds(10)).ToString("c"),
                ["AttrFanout:MaxRetryDelay"] = (retryDelay ?? TimeSpan.FromMinutes(5)).ToString("c"),
                ["AttrFanout:Sqlite:PollInterval"] = "00:00:00.100",
            },
            nats is null ? null : services => services.PostConfigure<AttrFanoutOptions>(o => o.UseNatsJetStream(nats.Url, n =>
            {
                n.StreamName = nats.StreamName;
                n.DeadLetterStreamName = nats.DeadLetterStreamName;
                n.SubjectPrefix = nats.SubjectPrefix;
                n.Storage = NatsStorage.Memory;
                n.FetchExpiry = TimeSpan.FromSeconds(2);
            })));
}
