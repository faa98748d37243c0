namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>The <c>[RateLimit]</c> of a function.</summary>
internal sealed record RateLimitModel(int Limit, int PeriodSeconds, KeyModel? Key);
