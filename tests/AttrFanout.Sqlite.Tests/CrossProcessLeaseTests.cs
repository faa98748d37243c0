using System.Globalization;
using Xunit.Abstractions;

namespace AttrFanout.Sqlite.Tests;

public sealed class CrossProcessLeaseTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_child_process_and_this_one_never_lease_the_same_run()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => store.AcceptAsync(Events.Create($"e-{i}", "user/signup", "a", "b"))));

        using var worker = WorkerProcess.Start("lease", db.Path, "child", "1", Milliseconds(LeaseDuration), UnixMs(db.Time.GetUtcNow()), "exit");
        const int total = 2000;
        var childRuns = new List<string>();
        string line;
        while ((line = await worker.ExpectLineAsync()) != "first")
        {
            childRuns.Add(Leased(line));
        }

        var ownRuns = (await store.LeaseDueAsync("parent", 1, LeaseDuration)).Select(r => r.RunId).ToList();
        await worker.SendLineAsync("go");
        while ((await store.LeaseDueAsync("parent", 1, LeaseDuration)) is [var run])
        {
            ownRuns.Add(run.RunId);
            Assert.True(ownRuns.Count <= total, "this process leased more runs than exist");
        }

        childRuns.AddRange((await worker.ReadToEndAsync(maxLines: total + 1)).Where(l => l.StartsWith("leased ", StringComparison.Ordinal)).Select(Leased));
        Assert.Equal(0, await worker.WaitForExitAsync());

        output.WriteLine($"child leased {childRuns.Count}, this process {ownRuns.Count}");
        Assert.Empty(childRuns.Intersect(ownRuns));
        Assert.Equal(total, childRuns.Count + ownRuns.Count);
        Assert.Equal(total, childRuns.Concat(ownRuns).Distinct().Count());
        Assert.NotEmpty(childRuns);
        Assert.NotEmpty(ownRuns);
    }

    [Fact]
    public async Task Runs_leased_by_a_killed_process_are_leasable_again_once_the_lease_expired()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var accepted = await store.AcceptAsync(Events.Create("e-1", "user/signup", "a", "b", "c"));

        using var worker = WorkerProcess.Start("lease", db.Path, "doomed", "10", Milliseconds(TimeSpan.FromSeconds(30)), UnixMs(db.Time.GetUtcNow()), "hold");
        var leasedByChild = new List<string>();
        string line;
        while ((line = await worker.ExpectLineAsync()) != "first")
        {
            leasedByChild.Add(Leased(line));
        }

        await worker.SendLineAsync("go");
        Assert.Equal("done", await worker.ExpectLineAsync());
        await worker.KillAsync();

        Assert.Equal(accepted.RunIds.Order(), leasedByChild.Order());
        Assert.All(await store.GetRunsOfEventAsync("e-1"), run => Assert.Equal("doomed", run.LeaseOwner));
        db.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await store.LeaseDueAsync("survivor", 10, LeaseDuration));

        db.Time.Advance(TimeSpan.FromSeconds(1));
        var retaken = await store.LeaseDueAsync("survivor", 10, LeaseDuration);

        Assert.Equal(accepted.RunIds.Order(), retaken.Select(r => r.RunId).Order());
        Assert.All(retaken, run => Assert.Equal((1, 2), (run.Attempt, run.AttemptLeases)));
    }

    private static string Leased(string line)
    {
        Assert.StartsWith("leased ", line);
        return line["leased ".Length..];
    }

    private static string Milliseconds(TimeSpan duration) => ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static string UnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
