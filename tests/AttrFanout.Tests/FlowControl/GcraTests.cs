using AttrFanout.FlowControl;

namespace AttrFanout.Tests.FlowControl;

public sealed class GcraTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Starts_are_spaced_by_the_period_over_the_limit()
    {
        var first = Gcra.Decide(null, Start, limit: 2, TimeSpan.FromSeconds(10), burst: 1);
        var tooSoon = Gcra.Decide(first.TheoreticalArrival, Start + TimeSpan.FromSeconds(4), 2, TimeSpan.FromSeconds(10), 1);
        var onTime = Gcra.Decide(first.TheoreticalArrival, Start + TimeSpan.FromSeconds(5), 2, TimeSpan.FromSeconds(10), 1);

        Assert.True(first.Conforms);
        Assert.Equal(Start + TimeSpan.FromSeconds(5), first.TheoreticalArrival);
        Assert.False(tooSoon.Conforms);
        Assert.Equal(Start + TimeSpan.FromSeconds(5), tooSoon.RetryAt);
        Assert.Equal(first.TheoreticalArrival, tooSoon.TheoreticalArrival);
        Assert.True(onTime.Conforms);
        Assert.Equal(Start + TimeSpan.FromSeconds(10), onTime.TheoreticalArrival);
    }

    [Fact]
    public void A_burst_allows_that_many_starts_at_once_then_spaces_the_rest()
    {
        DateTimeOffset? arrival = null;
        var decisions = new List<GcraDecision>();
        for (var i = 0; i < 4; i++)
        {
            var decision = Gcra.Decide(arrival, Start, limit: 1, TimeSpan.FromSeconds(1), burst: 3);
            decisions.Add(decision);
            if (decision.Conforms)
            {
                arrival = decision.TheoreticalArrival;
            }
        }

        Assert.Equal([true, true, true, false], decisions.Select(d => d.Conforms));
        Assert.Equal(Start + TimeSpan.FromSeconds(1), decisions[3].RetryAt);
    }

    [Fact]
    public void A_bucket_idle_for_longer_than_its_interval_starts_afresh()
    {
        var old = Start - TimeSpan.FromHours(1);

        var decision = Gcra.Decide(old, Start, 1, TimeSpan.FromSeconds(1), 1);

        Assert.True(decision.Conforms);
        Assert.Equal(Start + TimeSpan.FromSeconds(1), decision.TheoreticalArrival);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Limits_burst_and_period_must_be_positive(int limit, int periodSeconds, int burst) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Gcra.Decide(null, Start, limit, TimeSpan.FromSeconds(periodSeconds), burst));
}
