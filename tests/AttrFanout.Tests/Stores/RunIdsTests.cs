using AttrFanout.Stores;

namespace AttrFanout.Tests.Stores;

public sealed class RunIdsTests
{
    [Fact]
    public void A_run_id_carries_the_event_s_sequence_and_the_function()
    {
        var runId = RunIds.For(42, "send-email");

        Assert.Equal("42-send-email", runId);
        Assert.True(RunIds.TryParse(runId, out var sequence, out var functionId));
        Assert.Equal(42UL, sequence);
        Assert.Equal("send-email", functionId);
    }

    [Theory]
    [InlineData("0190a7c2e1f04b7d9a3e")]
    [InlineData("-send-email")]
    [InlineData("42-")]
    [InlineData("42-Send.Email")]
    [InlineData("x42-send")]
    public void Other_ids_do_not_parse_as_an_event_s_run(string runId) =>
        Assert.False(RunIds.TryParse(runId, out _, out _));
}
