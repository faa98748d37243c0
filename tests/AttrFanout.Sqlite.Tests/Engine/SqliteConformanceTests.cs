using AttrFanout.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The shared store conformance suite on a SQLite file, each restart a new app over the same file.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SqliteConformanceTests : StoreConformanceTests
{
    protected override ConformanceStore CreateStore() => new SqliteConformanceStore();

    internal sealed class SqliteConformanceStore : ConformanceStore
    {
        private readonly TestDatabase _db = new();

        public override bool IsDurable => true;

        protected override ServiceProvider Build(Action<AttrFanoutOptions> configure) =>
            new ServiceCollection()
                .AddSingleton<TimeProvider>(_db.Time)
                .AddAttrFanout(o =>
                {
                    o.UseSqlite(_db.ConnectionString, s => s.PollInterval = TimeSpan.FromSeconds(1));
                    configure(o);
                })
                .BuildServiceProvider();

        public override Task UntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, what, _db.Time);

        public override ValueTask DisposeAsync() => _db.DisposeAsync();
    }
}
