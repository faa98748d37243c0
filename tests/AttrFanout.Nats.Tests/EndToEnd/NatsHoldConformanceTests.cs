using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>
/// The shared debounce and batch conformance suite on JetStream, each store its own streams and buckets on the shared
/// server, in real time: the rules' times are seconds, not tens of seconds, and time passes by waiting.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class NatsHoldConformanceTests(NatsServerFixture server) : HoldConformanceTests
{
    protected override HoldStore CreateStore() => new NatsHoldStore(server.NewOptions());

    private sealed class NatsHoldStore(NatsJetStreamOptions nats) : HoldStore
    {
        public override bool IsDurable => true;

        public override bool KeepsSucceededRuns => false;

        public override TimeProvider Clock => TimeProvider.System;

        public override HoldTimes Times { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        public override Task PassAsync(TimeSpan span) => Task.Delay(span);

        protected override void AddServices(IServiceCollection services)
        {
        }

        protected override void UseStore(AttrFanoutOptions options)
        {
            options.HoldPollInterval = TimeSpan.FromMilliseconds(200);
            options.UseNatsJetStream(nats.Url, n => n.UseStreamsOf(nats));
        }

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what);
    }
}
