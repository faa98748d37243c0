using System.Text.Json.Serialization;

namespace AttrFanout;

/// <summary>
/// Sets the default <see cref="EventAttribute.JsonNaming"/> of every <see cref="EventAttribute"/> in the assembly, e.g.
/// <c>[assembly: EventJsonNaming(JsonKnownNamingPolicy.CamelCase)]</c> for a project whose payloads are all shared with
/// JavaScript producers. An event's own <c>JsonNaming</c>, <see cref="JsonKnownNamingPolicy.Unspecified"/> included, wins.
/// </summary>
/// <param name="naming">The naming policy of the assembly's event payloads.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class EventJsonNamingAttribute(JsonKnownNamingPolicy naming) : Attribute
{
    /// <summary>Gets the naming policy of the assembly's event payloads.</summary>
    public JsonKnownNamingPolicy Naming { get; } = naming;
}
