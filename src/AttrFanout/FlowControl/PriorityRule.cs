namespace AttrFanout.FlowControl;

/// <summary>
/// Orders a function's due runs: a run's priority, in seconds, moves it ahead of (positive) or behind (negative) runs
/// that became due at the same time. Evaluated once, at send.
/// </summary>
/// <param name="Method">The priority method as written, e.g. <c>Rank</c>, for logs and the dashboard.</param>
/// <param name="Evaluate">Reads the priority from a payload of the function's payload type.</param>
public sealed record PriorityRule(string Method, Func<object, int> Evaluate);
