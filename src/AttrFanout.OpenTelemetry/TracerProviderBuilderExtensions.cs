using AttrFanout;
using AttrFanout.OpenTelemetry;

namespace OpenTelemetry.Trace;

/// <summary>Registers AttrFanout's spans with an OpenTelemetry tracer provider.</summary>
public static class AttrFanoutTracerProviderBuilderExtensions
{
    /// <summary>
    /// Adds AttrFanout's activity source (<see cref="FanoutDiagnostics.Name"/>): a span per send (producer) and per run
    /// attempt (consumer, a child of its send, linked to it), with the OpenTelemetry messaging attributes. It also carries
    /// OpenTelemetry's <see cref="OpenTelemetry.Baggage"/>: the sender's <c>Baggage.Current</c> travels with the run, and
    /// inside a handler <c>Baggage.Current</c> holds the baggage the send carried.
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TracerProviderBuilder AddAttrFanoutInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(FanoutDiagnostics.Name).AddInstrumentation(static () => new BaggageBridge());
    }
}
