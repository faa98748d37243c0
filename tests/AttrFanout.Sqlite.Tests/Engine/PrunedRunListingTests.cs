namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>A SQLite listing says when retention may have pruned runs it would otherwise list.</summary>
public sealed class PrunedRunListingTests
{
    private static readonly HashSet<RunStatus> SucceededOnly = [RunStatus.Succeeded];

    [Fact]
    public async Task Once_the_file_holds_events_older_than_the_retention_a_listing_of_succeeded_runs_says_older_ones_may_be_gone()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db, store: s =>
        {
            s.RetentionPeriod = TimeSpan.FromHours(1);
            s.PruneInterval = TimeSpan.FromDays(1);
        });
        var sent = await app.Sender.SendAsync(new FanOutHappened(Guid.NewGuid().ToString("N")));
        await Task.WhenAll(sent.RunIds.Select(id => app.Runs.WaitForCompletionAsync(id).Safe()));

        var fresh = await app.Runs.ListAsync(new RunQuery { Statuses = SucceededOnly });
        Assert.True(fresh.IsComplete);
        Assert.Equal(sent.RunIds.Order(), fresh.Runs.Select(r => r.RunId).Order());

        db.Time.Advance(TimeSpan.FromHours(2));
        await app.Store.Pruner.PruneAsync();

        var pruned = await app.Runs.ListAsync(new RunQuery { Statuses = SucceededOnly });
        var failed = await app.Runs.ListAsync(new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.Failed } });
        var counts = await app.Runs.CountAsync();

        Assert.Empty(pruned.Runs);
        var gap = Assert.Single(pruned.Incomplete);
        Assert.Equal((ListingGapKind.OldestForgotten, RunStatus.Succeeded), (gap.Kind, Assert.Single(gap.Statuses)));
        Assert.Contains("RetentionPeriod", gap.Reason, StringComparison.Ordinal);
        Assert.True(failed.IsComplete);
        Assert.Contains(counts.Incomplete, g => g.Kind == ListingGapKind.OldestForgotten);
        Assert.All(counts.Functions, c => Assert.Equal(0, c.Succeeded));
    }
}
