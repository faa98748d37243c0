using System.ComponentModel;

namespace AttrFanout.Generated;

/// <summary>Records in an assembly's metadata a function it declares, for the analyzers of referencing projects. Emitted by the generator.</summary>
/// <param name="id">The function Id.</param>
/// <param name="eventName">The event it subscribes to.</param>
/// <param name="handler">The handler as written, e.g. <c>MyLib.Welcome.Send</c>.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FanoutFunctionAttribute(string id, string eventName, string handler) : Attribute
{
    /// <summary>Gets the function Id.</summary>
    public string Id { get; } = id;

    /// <summary>Gets the event name.</summary>
    public string EventName { get; } = eventName;

    /// <summary>Gets the handler as written.</summary>
    public string Handler { get; } = handler;

    /// <summary>
    /// Gets or sets the named concurrency scopes the function limits and their limits, each as <c>scope=limit</c>
    /// (e.g. <c>openai=50</c>), so a referencing project's build can check that every function naming a scope gives it the
    /// same limit.
    /// </summary>
    /// <value>The default is null: the function names no scope (and metadata written before scopes existed reads the same).</value>
    public string[]? ConcurrencyScopes { get; set; }
}
