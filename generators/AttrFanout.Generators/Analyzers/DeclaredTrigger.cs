using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>One trigger of a function with several: an <c>[OnEvent]</c>'s event, or the <c>[OnSchedule]</c>, whose payload is known.</summary>
/// <param name="EventName">The event subscribed to; null for the schedule, or when it cannot be determined at build time.</param>
/// <param name="Location">The attribute's first argument: the event name or the cron expression.</param>
/// <param name="KnownPayload">The schedule's <c>ScheduledTick</c>; null for an event, whose payload the catalog knows.</param>
internal sealed record DeclaredTrigger(string? EventName, Location Location, ITypeSymbol? KnownPayload);
