using System.Text.Json.Serialization;

namespace AttrFanout;

/// <summary>The JSON metadata of <see cref="FunctionFailed"/>, so stores that serialize payloads can keep failure events.</summary>
[JsonSerializable(typeof(FunctionFailed))]
internal sealed partial class FunctionFailedJsonContext : JsonSerializerContext;
