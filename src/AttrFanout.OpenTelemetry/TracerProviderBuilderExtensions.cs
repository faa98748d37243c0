using AttrFanout;

namespace OpenTelemetry.Trace;

/// <summary>Registers AttrFanout's spans with an OpenTelemetry tracer provider.</summary>
public static class AttrFanoutTracerProviderBuilderExtensions
{
    /// <summary>
    /// Adds AttrFanout's activity source (<see cref="FanoutDiagnostics.Name"/>): a span per send (producer) and per run
    /// attempt (consumer, a child of its send, linked to it), with the OpenTelemetry messaging attributes.
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TracerProviderBuilder AddAttrFanoutInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(FanoutDiagnostics.Name);
    }
}
