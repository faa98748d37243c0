namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>The <c>[Priority]</c> of a function: the method's name as written and the call over <c>p</c>.</summary>
internal sealed record PriorityModel(string Method, string Call);
