namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>The <c>[Throttle]</c> of a function.</summary>
internal sealed record ThrottleModel(int Limit, int PeriodSeconds, int Burst, KeyModel? Key);
