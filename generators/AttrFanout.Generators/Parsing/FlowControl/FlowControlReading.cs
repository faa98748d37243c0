using System.Collections.Immutable;
using AttrFanout.Generators.Model.FlowControl;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>The flow-control attributes of one method as read: the model the generator emits (null when there are none or
/// an error leaves them unresolved) and the problems the analyzers report.</summary>
internal sealed class FlowControlReading(FlowControlModel? model, ImmutableArray<FlowProblem> problems)
{
    public static readonly FlowControlReading None = new(null, []);

    public FlowControlModel? Model { get; } = model;

    public ImmutableArray<FlowProblem> Problems { get; } = problems;
}
