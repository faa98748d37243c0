using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AttrFanout;

/// <summary>The names of AttrFanout's telemetry, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>.</summary>
public static class FanoutDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: <c>AttrFanout</c>.</summary>
    public const string Name = "AttrFanout";

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);
}
