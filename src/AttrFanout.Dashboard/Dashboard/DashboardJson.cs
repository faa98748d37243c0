using System.Text.Json.Serialization;

namespace AttrFanout.Dashboard;

/// <summary>A function as the dashboard's JSON API shows it.</summary>
internal sealed record FunctionSummary(string Id, string EventName, string Handler, string Retries, string Timeout, string Concurrency, IReadOnlyList<string> FlowControl);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<FunctionSummary>))]
[JsonSerializable(typeof(FunctionRun))]
[JsonSerializable(typeof(RunPage))]
[JsonSerializable(typeof(AttrFanout.RunCounts))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
