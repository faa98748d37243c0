using System.Text.Json.Serialization;
using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>System.Text.Json's generator under camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CamelCased))]
internal sealed partial class CamelCaseParityContext : JsonSerializerContext;

/// <summary>System.Text.Json's generator under snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SnakeCased))]
internal sealed partial class SnakeCaseParityContext : JsonSerializerContext;

/// <summary>System.Text.Json's generator under KEBAB-CASE.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseUpper)]
[JsonSerializable(typeof(KebabCased))]
internal sealed partial class KebabCaseParityContext : JsonSerializerContext;
