namespace AttrFanout.Sqlite.Tests.Flow;

public sealed class RateTests
{
    private static readonly DateTimeOffset Now = TestDatabase.Start;
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Starts_are_spaced_by_the_period_over_the_limit_across_two_stores()
    {
        await using var db = new TestDatabase();
        var first = db.Open();
        var second = db.Open();

        Assert.Null(await first.TryTakeRateAsync("t:f:", 2, TenSeconds, 1, Now));
        Assert.Equal(Now.AddSeconds(5), await second.TryTakeRateAsync("t:f:", 2, TenSeconds, 1, Now));
        Assert.Equal(Now.AddSeconds(5), await first.TryTakeRateAsync("t:f:", 2, TenSeconds, 1, Now.AddSeconds(4.999)));
        Assert.Null(await second.TryTakeRateAsync("t:f:", 2, TenSeconds, 1, Now.AddSeconds(5)));
        Assert.Equal(Now.AddSeconds(10), await first.TryTakeRateAsync("t:f:", 2, TenSeconds, 1, Now.AddSeconds(5)));
    }

    [Fact]
    public async Task A_burst_lets_that_many_start_at_once_then_spaces_the_rest()
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await store.TryTakeRateAsync("t:f:k", 2, TenSeconds, 3, Now));
        }

        Assert.Equal(Now.AddSeconds(5), await store.TryTakeRateAsync("t:f:k", 2, TenSeconds, 3, Now));
        Assert.Null(await store.TryTakeRateAsync("t:f:other", 2, TenSeconds, 3, Now));
    }

    [Fact]
    public async Task A_refused_start_stores_nothing()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        Assert.Null(await store.TryTakeRateAsync("r:f:u-1", 1, TimeSpan.FromHours(1), 1, Now));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Now.AddHours(1), await store.TryTakeRateAsync("r:f:u-1", 1, TimeSpan.FromHours(1), 1, Now.AddMinutes(i)));
        }

        Assert.Null(await store.TryTakeRateAsync("r:f:u-1", 1, TimeSpan.FromHours(1), 1, Now.AddHours(1)));
    }

    [Fact]
    public async Task A_bucket_survives_a_restart_and_is_pruned_once_its_time_passed()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        Assert.Null(await store.TryTakeRateAsync("r:f:u-1", 1, TimeSpan.FromHours(1), 1, Now));
        await store.DisposeAsync();

        var reopened = db.Open();
        Assert.Equal(Now.AddHours(1), await reopened.TryTakeRateAsync("r:f:u-1", 1, TimeSpan.FromHours(1), 1, Now.AddMinutes(30)));

        using var connection = db.OpenRaw();
        db.Time.Advance(TimeSpan.FromMinutes(59));
        await reopened.PruneAsync();
        Assert.Equal(["r:f:u-1"], SchemaTests.Strings(connection, "SELECT bucket FROM rate_buckets"));
        db.Time.Advance(TimeSpan.FromMinutes(1));
        await reopened.PruneAsync();
        Assert.Empty(SchemaTests.Strings(connection, "SELECT bucket FROM rate_buckets"));
    }
}
