namespace AttrFanout.Stores;

/// <summary>A request that the executing attempt of a run stop, seen by every engine sharing the store.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Reason">By what it was cancelled, e.g. <c>cancelled by request</c> or <c>replaced by run 42-sync</c>.</param>
public readonly record struct RunCancellation(string RunId, string Reason);
