using AttrFanout.Conformance;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared debounce and batch conformance suite on the in-memory store, on a fake clock.</summary>
public sealed class InMemoryHoldConformanceTests : HoldConformanceTests
{
    protected override HoldStore CreateStore() => new InMemoryHoldStore();

    private sealed class InMemoryHoldStore : HoldStore
    {
        private readonly TestClock _clock = new();

        public override bool IsDurable => false;

        public override TimeProvider Clock => _clock;

        public override Task PassAsync(TimeSpan span) => StepAsync(_clock, span);

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

        protected override void UseStore(AttrFanoutOptions options)
        {
        }

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _clock);
    }
}
