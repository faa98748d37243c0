namespace AttrFanout.Pipelines.Tests.Functions;

/// <summary>The names of the app pipelines the test functions run through.</summary>
public static class PipelineNamesUsed
{
    /// <summary>A circuit breaker around the payment gateway.</summary>
    public const string Payments = "payments";

    /// <summary>A rate limiter that lets one export through per minute.</summary>
    public const string Exports = "exports";

    /// <summary>A pipeline that (against the advice) retries every three seconds without end.</summary>
    public const string Lookups = "lookups";

    /// <summary>A circuit breaker under manual control, set on a function only by configuration.</summary>
    public const string Quotes = "quotes";
}
