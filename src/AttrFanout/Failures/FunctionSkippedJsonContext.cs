using System.Text.Json.Serialization;

namespace AttrFanout;

/// <summary>The JSON metadata of <see cref="FunctionSkipped"/>, so stores that serialize payloads can keep skip announcements.</summary>
[JsonSerializable(typeof(FunctionSkipped))]
internal sealed partial class FunctionSkippedJsonContext : JsonSerializerContext;
