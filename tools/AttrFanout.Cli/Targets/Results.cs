using System.Text.Json;

namespace AttrFanout.Cli.Targets;

/// <summary>The functions a target knows, and what it cannot know about them.</summary>
/// <param name="Functions">The functions, ordered by Id.</param>
/// <param name="Notes">What the listing leaves out and why; empty when complete.</param>
internal sealed record FunctionListing(IReadOnlyList<FunctionInfo> Functions, IReadOnlyList<string> Notes);

/// <summary>One function.</summary>
/// <param name="Id">The function's Id.</param>
/// <param name="Triggers">The events it runs on (for a store: the events of its recent runs).</param>
/// <param name="Retries">Its retries as the app sets them, or <see langword="null"/> when the target does not know.</param>
/// <param name="Counts">Its runs by status now, or <see langword="null"/> when the target cannot count them.</param>
internal sealed record FunctionInfo(string Id, IReadOnlyList<string> Triggers, string? Retries, FunctionRunCounts? Counts);

/// <summary>What a replay of a set of failed runs did.</summary>
/// <param name="Count">How many runs were replayed.</param>
/// <param name="Replays">The new runs, where the target returns them (a dashboard answers with the count only).</param>
internal sealed record ReplayResult(int Count, IReadOnlyList<FunctionRun> Replays);

/// <summary>An event to send.</summary>
/// <param name="Name">The event's name, e.g. <c>shop/order.placed</c>.</param>
/// <param name="Id">The event's Id (deduplicates sends).</param>
/// <param name="Data">The payload's JSON.</param>
internal sealed record OutgoingEvent(string Name, string Id, JsonElement Data);

/// <summary>What a send did.</summary>
/// <param name="EventId">The event's Id.</param>
/// <param name="Duplicate">Whether an event with that Id had already been accepted (nothing new ran).</param>
/// <param name="RunIds">The runs the event started, where the target says (the HTTP endpoint does; NATS fans out later).</param>
/// <param name="StreamSequence">Where the server stored the event (NATS).</param>
internal sealed record SentEvent(string EventId, bool Duplicate, IReadOnlyList<string>? RunIds, ulong? StreamSequence);
