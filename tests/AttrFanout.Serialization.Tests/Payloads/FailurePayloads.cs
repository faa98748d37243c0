namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>Numbers that may be NaN or infinite, nested in a list.</summary>
[Event("parity/measured")]
public sealed partial record Measured(List<Reading> Readings, double Total, Dictionary<string, float> Peaks);

/// <summary>One measurement.</summary>
public sealed record Reading(string Sensor, double Value);
