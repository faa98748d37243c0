using AttrFanout.Conformance;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared store conformance suite on the in-memory store.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class InMemoryConformanceTests : StoreConformanceTests
{
    protected override ConformanceStore CreateStore() => new InMemoryConformanceStore();

    internal sealed class InMemoryConformanceStore : ConformanceStore
    {
        private readonly TestClock _clock = new();

        public override bool IsDurable => false;

        protected override ServiceProvider Build(Action<AttrFanoutOptions> configure) =>
            new ServiceCollection()
                .AddSingleton<TimeProvider>(_clock)
                .AddAttrFanout(configure)
                .BuildServiceProvider();

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _clock);
    }
}
