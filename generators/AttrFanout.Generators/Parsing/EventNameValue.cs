namespace AttrFanout.Generators.Parsing;

/// <summary>An <c>[OnEvent]</c>'s event name, or the fact that it cannot be determined at build time (AF0021).</summary>
/// <param name="Name">The name; null when written as <c>null</c> or not written (AF0005).</param>
internal readonly record struct EventNameValue(string? Name, bool IsDetermined)
{
    public static EventNameValue Undetermined => new(null, false);

    public static EventNameValue Determined(string? name) => new(name, true);
}
