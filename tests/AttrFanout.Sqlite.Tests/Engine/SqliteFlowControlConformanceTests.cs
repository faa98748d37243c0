using AttrFanout.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared flow-control conformance suite on a SQLite file, on the database's fake clock.</summary>
public sealed class SqliteFlowControlConformanceTests : FlowControlConformanceTests
{
    protected override FlowControlStore CreateStore() => new SqliteFlowControlStore();

    private sealed class SqliteFlowControlStore : FlowControlStore
    {
        private readonly TestDatabase _db = new();

        public override bool IsDurable => true;

        /// <summary>
        /// Two steps: the suite's fake clock moves a second every 20 ms of real time while it waits, and the commit of a
        /// throttle's decision on a busy machine can take longer than that, so a start may be seen a step after its decision.
        /// </summary>
        public override TimeSpan ClockTolerance => TimeSpan.FromSeconds(2);

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_db.Time);

        protected override void UseStore(AttrFanoutOptions options) =>
            options.UseSqlite(_db.ConnectionString, s => s.PollInterval = TimeSpan.FromSeconds(1));

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _db.Time);

        public override ValueTask DisposeAsync() => _db.DisposeAsync();
    }
}
