namespace AttrFanout.Generators.Analyzers;

/// <summary>A function recorded in a referenced assembly's metadata.</summary>
internal sealed class ReferencedFunction(string id, string eventName, string handler, string assembly)
{
    public string Id { get; } = id;

    public string EventName { get; } = eventName;

    public string Handler { get; } = handler;

    public string Assembly { get; } = assembly;
}
