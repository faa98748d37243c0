using System.Collections.Immutable;
using AttrFanout.Generators.Model.Triggers;
using AttrFanout.Generators.Parsing.FlowControl;

namespace AttrFanout.Generators.Parsing.Triggers;

/// <summary>
/// The <c>[Debounce]</c>, <c>[Batch]</c> and <c>[CancelOn]</c> of one method as read: the model the generator emits (null when
/// there are none or an error leaves them unresolved), whether the method has <c>[Batch]</c>, and the problems the analyzers report.
/// </summary>
internal sealed class TriggerReading(TriggerModel? model, bool hasBatch, bool hasAny, ImmutableArray<FlowProblem> problems)
{
    public static readonly TriggerReading None = new(null, false, false, []);

    public TriggerModel? Model { get; } = model;

    public bool HasBatch { get; } = hasBatch;

    /// <summary>Whether the method has any of the three attributes.</summary>
    public bool HasAny { get; } = hasAny;

    /// <summary>Whether the attributes are written but cannot be emitted: the function must then not be generated.</summary>
    public bool IsBroken => HasAny && Model is null;

    public ImmutableArray<FlowProblem> Problems { get; } = problems;
}
