namespace AttrFanout.Generators.Analyzers;

/// <summary>A function recorded in a referenced assembly's metadata.</summary>
internal sealed class ReferencedFunction(string id, string eventName, string handler, string assembly, IReadOnlyList<(string Scope, int Limit)>? scopes = null)
{
    public string Id { get; } = id;

    public string EventName { get; } = eventName;

    public string Handler { get; } = handler;

    public string Assembly { get; } = assembly;

    /// <summary>The named concurrency scopes the function limits (<c>FanoutFunctionAttribute.ConcurrencyScopes</c>); none in older metadata.</summary>
    public IReadOnlyList<(string Scope, int Limit)> Scopes { get; } = scopes ?? [];
}
