using AttrFanout.FlowControl;

namespace AttrFanout.Tests.FlowControl;

public sealed class RunKeysTests
{
    [Fact]
    public void Keys_come_back_as_they_were_encoded_with_empty_and_null_buckets_kept_apart()
    {
        var keys = new RunKeys { Concurrency = "acct-1", SecondConcurrency = "", Throttle = null, RateLimit = "u \"1\" ü", Singleton = "doc:7", Priority = -42 };

        var decoded = RunKeys.Decode(keys.Encode());

        Assert.Equal(keys, decoded);
        Assert.Equal("", decoded.SecondConcurrency);
        Assert.Null(decoded.Throttle);
    }

    [Fact]
    public void Keys_without_any_bucket_or_priority_encode_as_an_empty_object()
    {
        Assert.Equal("{}", new RunKeys().Encode());
        Assert.Equal(new RunKeys(), RunKeys.Decode("{}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"p\":\"x\"}")]
    [InlineData("{\"c\":")]
    public void Text_that_is_not_encoded_keys_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => RunKeys.Decode(text));

    [Fact]
    public void Evaluating_keys_gives_unkeyed_rules_the_empty_bucket_and_null_keys_exempt_the_run()
    {
        var rules = new FunctionFlowControl
        {
            Concurrency = [new ConcurrencyRule(2) { Key = new PayloadKey("Account", static p => ((string?[])p)[0]) }, new ConcurrencyRule(10)],
            Throttle = new ThrottleRule(1, TimeSpan.FromSeconds(1)),
            Singleton = new SingletonRule(SingletonMode.Skip) { Key = new PayloadKey("Doc", static p => ((string?[])p)[1]) },
            Priority = new PriorityRule("Rank", static _ => 5_000),
        };

        var keys = rules.EvaluateKeys(new string?[] { "acct-1", null });

        Assert.Equal("acct-1", keys.Concurrency);
        Assert.Equal("", keys.SecondConcurrency);
        Assert.Equal("", keys.Throttle);
        Assert.Null(keys.RateLimit);
        Assert.Null(keys.Singleton);
        Assert.Equal(FunctionFlowControl.MaxPrioritySeconds, keys.Priority);
    }
}
