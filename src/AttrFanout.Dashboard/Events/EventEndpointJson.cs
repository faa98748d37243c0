using System.Text.Json.Serialization;

namespace AttrFanout.Dashboard.Events;

/// <summary>The answer to accepted events: their Ids, each one's run Ids, and the Ids that were duplicates (nothing new started).</summary>
internal sealed record AcceptedEvents(IReadOnlyList<string> Ids, IReadOnlyList<IReadOnlyList<string>> RunIds, IReadOnlyList<string> Duplicates);

/// <summary>The answer to refused events: nothing of the request was accepted.</summary>
internal sealed record RefusedEvents(string Error, int? Index, string? Event, string? Path);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcceptedEvents))]
[JsonSerializable(typeof(RefusedEvents))]
internal sealed partial class EventEndpointJsonContext : JsonSerializerContext;
