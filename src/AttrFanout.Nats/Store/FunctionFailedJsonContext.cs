using System.Text.Json.Serialization;

namespace AttrFanout.Nats.Store;

/// <summary>JSON metadata of the built-in failure event, which must cross the wire to reach subscribers in any process.</summary>
[JsonSerializable(typeof(FunctionFailed))]
internal sealed partial class FunctionFailedJsonContext : JsonSerializerContext;
