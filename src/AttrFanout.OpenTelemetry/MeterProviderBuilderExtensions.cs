using AttrFanout;

namespace OpenTelemetry.Metrics;

/// <summary>Registers AttrFanout's metrics with an OpenTelemetry meter provider.</summary>
public static class AttrFanoutMeterProviderBuilderExtensions
{
    /// <summary>
    /// Adds AttrFanout's meter (<see cref="FanoutDiagnostics.Name"/>): counters of events and runs, the run duration and
    /// queue-wait histograms (with bucket boundaries from milliseconds to minutes) and the <c>attrfanout.runs.waiting</c> gauge.
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static MeterProviderBuilder AddAttrFanoutInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(FanoutDiagnostics.Name);
    }
}
