namespace AttrFanout.Stores;

/// <summary>A run to create: its Id and its function.</summary>
/// <param name="RunId">The run's Id.</param>
/// <param name="FunctionId">The function's Id.</param>
public readonly record struct RunRequest(string RunId, string FunctionId);
