using AttrFanout.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared debounce and batch conformance suite on a SQLite file, on the database's fake clock.</summary>
public sealed class SqliteHoldConformanceTests : HoldConformanceTests
{
    protected override HoldStore CreateStore() => new SqliteHoldStore();

    private sealed class SqliteHoldStore : HoldStore
    {
        private readonly TestDatabase _db = new();

        public override bool IsDurable => true;

        public override TimeProvider Clock => _db.Time;

        public override Task PassAsync(TimeSpan span) => StepAsync(_db.Time, span);

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_db.Time);

        protected override void UseStore(AttrFanoutOptions options) =>
            options.UseSqlite(_db.ConnectionString, s => s.PollInterval = TimeSpan.FromSeconds(1));

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _db.Time);

        public override ValueTask DisposeAsync() => _db.DisposeAsync();
    }
}
