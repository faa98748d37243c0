namespace AttrFanout.Generators.Model.Triggers;

/// <summary>
/// What starts and stops a function's runs besides its event: <c>[Debounce]</c>, <c>[Batch]</c> and <c>[CancelOn]</c>. Null on
/// a <see cref="FunctionModel"/> without any, so those functions keep their model and output unchanged.
/// </summary>
internal sealed record TriggerModel(DebounceModel? Debounce, BatchModel? Batch, EquatableArray<CancelOnModel> CancelOn);
