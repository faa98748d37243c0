using AttrFanout.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>
/// Apps with the flow-control suite's functions on one test's streams and buckets, in real time; every app started from
/// one instance shares them, as instances of one service would.
/// </summary>
internal sealed class NatsFlowControlStore(NatsJetStreamOptions nats) : FlowControlStore
{
    public override bool IsDurable => true;

    public override bool KeepsSucceededRuns => false;

    /// <summary>A real clock: the scheduling slack of timers and of replays through the retry bucket.</summary>
    public override TimeSpan ClockTolerance => TimeSpan.FromMilliseconds(500);

    protected override void AddServices(IServiceCollection services)
    {
    }

    protected override void UseStore(AttrFanoutOptions options)
    {
        options.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
        options.UseNatsJetStream(nats.Url, n => n.UseStreamsOf(nats));
    }

    public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what);
}
