namespace AttrFanout.Sqlite;

/// <summary>The error an attempt ended with.</summary>
/// <param name="Type">The exception's type name.</param>
/// <param name="Message">The exception's message.</param>
internal readonly record struct RunError(string Type, string Message);
