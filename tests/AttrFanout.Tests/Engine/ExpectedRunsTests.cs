using AttrFanout.Runs;

namespace AttrFanout.Tests.Engine;

public sealed class ExpectedRunsTests
{
    [Fact]
    public void A_run_is_expected_from_its_acceptance_until_it_ends()
    {
        var expected = new ExpectedRuns(limit: 4);

        expected.Add(["a", "b"]);
        expected.Remove("a");

        Assert.False(expected.Contains("a"));
        Assert.True(expected.Contains("b"));
    }

    [Fact]
    public void Past_the_limit_the_oldest_runs_are_forgotten_so_waiting_on_them_reads_the_store()
    {
        var expected = new ExpectedRuns(limit: 3);

        expected.Add(["a", "b", "c"]);
        expected.Add(["d", "e"]);

        Assert.False(expected.Contains("a"));
        Assert.False(expected.Contains("b"));
        Assert.All(["c", "d", "e"], id => Assert.True(expected.Contains(id)));
    }
}
