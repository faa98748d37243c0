using AttrFanout.Generators.Model.FlowControl;

namespace AttrFanout.Generators.Model.Triggers;

/// <summary>The <c>[Debounce]</c> of a function; <paramref name="MaxWaitSeconds"/> is null when not set.</summary>
internal sealed record DebounceModel(int PeriodSeconds, int? MaxWaitSeconds, KeyModel? Key);
