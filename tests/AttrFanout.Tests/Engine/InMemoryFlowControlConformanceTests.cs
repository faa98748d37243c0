using AttrFanout.Conformance;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared flow-control conformance suite on the in-memory store, on a fake clock.</summary>
public sealed class InMemoryFlowControlConformanceTests : FlowControlConformanceTests
{
    protected override FlowControlStore CreateStore() => new InMemoryFlowControlStore();

    private sealed class InMemoryFlowControlStore : FlowControlStore
    {
        private readonly TestClock _clock = new();

        public override bool IsDurable => false;

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

        protected override void UseStore(AttrFanoutOptions options)
        {
        }

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _clock);
    }
}
