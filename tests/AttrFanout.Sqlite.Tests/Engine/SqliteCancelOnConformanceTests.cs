using AttrFanout.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared cancel-on-event conformance suite on a SQLite file, on the database's fake clock.</summary>
public sealed class SqliteCancelOnConformanceTests : FakeClockCancelOnConformanceTests
{
    protected override CancelOnStore CreateStore() => new SqliteCancelOnStore();

    private sealed class SqliteCancelOnStore : CancelOnStore
    {
        private readonly TestDatabase _db = new();

        public override bool IsDurable => true;

        public override TimeProvider Time => _db.Time;

        public override void MoveClock(TimeSpan by) => _db.Time.Advance(by);

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_db.Time);

        protected override void UseStore(AttrFanoutOptions options) =>
            options.UseSqlite(_db.ConnectionString, s => s.PollInterval = TimeSpan.FromSeconds(1));

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _db.Time);

        public override ValueTask DisposeAsync() => _db.DisposeAsync();
    }
}
