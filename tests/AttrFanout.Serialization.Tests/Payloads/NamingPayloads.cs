using System.Text.Json.Serialization;

namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>Members whose names each naming policy changes differently.</summary>
public sealed class NamedLine
{
    public string SkuCode { get; set; } = "";
    public int URLCount { get; set; }
    public KeyValuePair<string, int> Pair { get; set; }
}

/// <summary>A payload shared with a JavaScript producer: camelCase names.</summary>
[Event("parity/camel", JsonNaming = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record CamelCased(string OrderId, NamedLine Line, Dictionary<string, int> KeepKeys, Stage Stage)
{
    [JsonPropertyName("Explicit_Name")]
    public string Explicit { get; init; } = "";
}

/// <summary>A payload with snake_case names.</summary>
[Event("parity/snake", JsonNaming = JsonKnownNamingPolicy.SnakeCaseLower)]
public sealed partial record SnakeCased(string OrderId, NamedLine Line, string IOStream);

/// <summary>A payload with KEBAB-CASE names.</summary>
[Event("parity/kebab", JsonNaming = JsonKnownNamingPolicy.KebabCaseUpper)]
public sealed partial record KebabCased(string OrderId, NamedLine Line);
