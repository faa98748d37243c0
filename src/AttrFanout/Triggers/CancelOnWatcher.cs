namespace AttrFanout.Triggers;

/// <summary>A function that an event cancels runs of: the function and which of its <see cref="FunctionDescriptor.CancelOn"/> rules.</summary>
/// <param name="Function">The function.</param>
/// <param name="RuleIndex">The rule's place in <see cref="FunctionDescriptor.CancelOn"/>.</param>
internal sealed record CancelOnWatcher(FunctionDescriptor Function, int RuleIndex)
{
    public CancelOnRule Rule => Function.CancelOn[RuleIndex];
}
