using System.Text.Json.Serialization;

namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>Members whose JSON order System.Text.Json takes from <c>[JsonPropertyOrder]</c>, not from declaration.</summary>
[Event("parity/ordered")]
public sealed partial class Ordered
{
    [JsonPropertyOrder(2)]
    public string Last { get; set; } = "";

    public string Unordered { get; set; } = "";

    [JsonPropertyOrder(-1)]
    public string First { get; set; } = "";

    [JsonPropertyOrder(1)]
    public int Middle { get; set; }
}

/// <summary>A base type whose members System.Text.Json writes after the derived type's.</summary>
public class Audited
{
    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public virtual string Label { get; set; } = "";
}

/// <summary>A payload deriving from <see cref="Audited"/>, with an override.</summary>
[Event("parity/derived")]
public sealed partial class Derived : Audited
{
    public int Amount { get; set; }

    public override string Label { get; set; } = "";

    public new string CreatedBy { get; set; } = "";
}

/// <summary>Fields and properties declared interleaved: System.Text.Json writes properties first, and skips fields without <c>[JsonInclude]</c>.</summary>
[Event("parity/fields")]
public sealed partial class WithFields
{
    [JsonInclude]
    public int IncludedField;

#pragma warning disable AF0019 // the point: System.Text.Json skips this field, and so does AttrFanout
    public int PlainField;
#pragma warning restore AF0019

    public string Name { get; set; } = "";

    [JsonInclude]
    public string? OtherField;

    public int Count { get; set; }
}

/// <summary>A record with constructor parameters, a positional base and an extra property.</summary>
public abstract record Envelope(string Source);

/// <summary>A positional record deriving from another.</summary>
[Event("parity/positional")]
public sealed partial record Positional(string Source, int Version, string? Note = null) : Envelope(Source)
{
    public List<string> Tags { get; init; } = [];
}
