using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>A <c>[Concurrency(limit, Scope = "...")]</c> of a handler in this project, for the scope check (AF0028).</summary>
internal sealed class DeclaredScope(string scope, int limit, Location location)
{
    public string Scope { get; } = scope;

    public int Limit { get; } = limit;

    /// <summary>The <c>Scope</c> argument as written.</summary>
    public Location Location { get; } = location;
}
