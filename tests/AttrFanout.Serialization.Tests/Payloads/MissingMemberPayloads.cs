namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>A class with a parameterless constructor whose members have initializers: read from JSON that leaves them out.</summary>
[Event("parity/defaults-class")]
public sealed partial class DefaultsClass
{
    public int Retries { get; init; } = 3;

    public string Note { get; init; } = "init";

    public int Attempts { get; set; } = 3;

    public string Label { get; set; } = "set";
}

/// <summary>A record with a primary constructor whose other members have initializers.</summary>
[Event("parity/defaults-record")]
public sealed partial record DefaultsRecord(string Id)
{
    public int Retries { get; init; } = 3;

    public string Note { get; init; } = "init";

    public int Attempts { get; set; } = 3;

    public string Label { get; set; } = "set";
}

/// <summary>A class with a required member next to members with initializers.</summary>
[Event("parity/defaults-required")]
public sealed partial class DefaultsRequired
{
    public required string Id { get; init; }

    public int Retries { get; init; } = 3;

    public int Attempts { get; set; } = 3;
}

/// <summary>An included member with a private <c>init</c> accessor, which System.Text.Json's generator cannot set (SYSLIB1038).</summary>
[Event("parity/defaults-included")]
public sealed partial class DefaultsIncluded
{
    public string Id { get; set; } = "";

    [System.Text.Json.Serialization.JsonInclude]
    public int Level { get; private init; } = 2;

    public static DefaultsIncluded Create(string id, int level) => new() { Id = id, Level = level };
}
