namespace AttrFanout.Stores;

/// <summary>A run to create for an event: its function. The store names it (<see cref="RunIds"/>).</summary>
/// <param name="FunctionId">The function's Id.</param>
public readonly record struct RunRequest(string FunctionId);
