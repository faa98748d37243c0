using System.ComponentModel;

namespace AttrFanout.Generated;

/// <summary>Records in an assembly's metadata an event it declares, for the analyzers of referencing projects. Emitted by the generator.</summary>
/// <param name="name">The event name.</param>
/// <param name="payloadType">The payload type.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FanoutEventAttribute(string name, Type payloadType) : Attribute
{
    /// <summary>Gets the event name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the payload type.</summary>
    public Type PayloadType { get; } = payloadType;
}
