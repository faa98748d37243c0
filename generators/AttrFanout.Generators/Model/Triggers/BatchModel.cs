using AttrFanout.Generators.Model.FlowControl;

namespace AttrFanout.Generators.Model.Triggers;

/// <summary>The <c>[Batch]</c> of a function; <paramref name="MaxBytes"/> is null when not set.</summary>
internal sealed record BatchModel(int MaxSize, int TimeoutSeconds, int? MaxBytes, KeyModel? Key);
