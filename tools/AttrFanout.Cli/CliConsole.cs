namespace AttrFanout.Cli;

/// <summary>Where the tool writes and what it reads from its environment; tests pass their own.</summary>
/// <param name="Out">Results: tables and JSON.</param>
/// <param name="Error">Errors and notes.</param>
/// <param name="Environment">Reads an environment variable (e.g. <c>NATS_URL</c>); <see langword="null"/> when unset.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment);
