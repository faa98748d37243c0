using AttrFanout.Nats.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>JetStream stores over this test assembly's functions, built without a host.</summary>
internal static class TestStores
{
    /// <summary>The catalog of the functions this assembly declares.</summary>
    public static FunctionCatalog Catalog()
    {
        using var services = new ServiceCollection().AddAttrFanout().BuildServiceProvider();
        return services.GetRequiredService<FunctionCatalog>();
    }

    /// <summary>A store on <paramref name="options"/> with the default engine options, the system clock and no logging.</summary>
    public static NatsJetStreamStore New(NatsJetStreamOptions options, FunctionCatalog catalog) =>
        new(options, new AttrFanoutOptions(), catalog, TimeProvider.System, NullLoggerFactory.Instance);
}
