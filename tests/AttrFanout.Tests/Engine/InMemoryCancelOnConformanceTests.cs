using AttrFanout.Conformance;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared cancel-on-event conformance suite on the in-memory store, on a fake clock.</summary>
public sealed class InMemoryCancelOnConformanceTests : FakeClockCancelOnConformanceTests
{
    protected override CancelOnStore CreateStore() => new InMemoryCancelOnStore();

    private sealed class InMemoryCancelOnStore : CancelOnStore
    {
        private readonly TestClock _clock = new();

        public override bool IsDurable => false;

        public override TimeProvider Time => _clock;

        public override void MoveClock(TimeSpan by) => _clock.Advance(by);

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

        protected override void UseStore(AttrFanoutOptions options)
        {
        }

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _clock);
    }
}
