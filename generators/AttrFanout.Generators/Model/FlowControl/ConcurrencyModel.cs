namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>One <c>[Concurrency]</c>: its limit, its key (null: one bucket) and its shared scope (null: the function's own).</summary>
internal sealed record ConcurrencyModel(int Limit, KeyModel? Key, string? Scope);
