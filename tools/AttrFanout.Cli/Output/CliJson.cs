using System.Text.Json.Serialization;
using AttrFanout.Cli.Targets;

namespace AttrFanout.Cli.Output;

/// <summary>A function as the dashboard's <c>api/functions</c> shows it.</summary>
internal sealed record DashboardFunction(string Id, string EventName, string? Handler, string? Retries, string? Timeout, string? Concurrency, IReadOnlyList<string>? FlowControl);

/// <summary>The HTTP event endpoint's answer: the event Ids, the runs of each, and which were duplicates.</summary>
internal sealed record AcceptedEvents(IReadOnlyList<string> Ids, IReadOnlyList<IReadOnlyList<string>> RunIds, IReadOnlyList<string> Duplicates);

/// <summary>The JSON the tool prints (<c>--json</c>) and reads from a dashboard, source-generated: camelCase, statuses as names, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(FunctionListing))]
[JsonSerializable(typeof(RunPage))]
[JsonSerializable(typeof(FunctionRun))]
[JsonSerializable(typeof(RunCounts))]
[JsonSerializable(typeof(ReplayResult))]
[JsonSerializable(typeof(SentEvent))]
[JsonSerializable(typeof(IReadOnlyList<FunctionRun>))]
[JsonSerializable(typeof(IReadOnlyList<DashboardFunction>))]
[JsonSerializable(typeof(AcceptedEvents))]
[JsonSerializable(typeof(CliError))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>An error as <c>--json</c> prints it on standard error.</summary>
internal sealed record CliError(string Error, int ExitCode);
