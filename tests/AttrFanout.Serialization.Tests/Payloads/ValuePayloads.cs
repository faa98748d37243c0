using System.Text.Json.Serialization;

namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>Strings that System.Text.Json escapes.</summary>
[Event("parity/text")]
public sealed partial record Text(string Html, string Quotes, string Unicode, string Control, string? Missing, char Letter)
{
    [JsonPropertyName("na<me>\u00e9")]
    public string Odd { get; init; } = "odd";
}

/// <summary>Every number type, at edge values.</summary>
[Event("parity/numbers")]
public sealed partial class Numbers
{
    public byte Byte { get; set; }
    public sbyte SByte { get; set; }
    public short Int16 { get; set; }
    public ushort UInt16 { get; set; }
    public int Int32 { get; set; }
    public uint UInt32 { get; set; }
    public long Int64 { get; set; }
    public ulong UInt64 { get; set; }
    public Int128 Int128 { get; set; }
    public UInt128 UInt128 { get; set; }
    public Half Half { get; set; }
    public float Single { get; set; }
    public double Double { get; set; }
    public decimal Decimal { get; set; }
    public double? MaybeDouble { get; set; }
    public decimal? MaybeDecimal { get; set; }
}

/// <summary>Dates, times and other values with a built-in text form.</summary>
[Event("parity/dates")]
public sealed partial record Dates(
    DateTime Utc,
    DateTime Local,
    DateTime Unspecified,
    DateTimeOffset Offset,
    DateOnly Day,
    TimeOnly Time,
    TimeSpan Duration,
    DateTime? Maybe,
    Guid Id,
    Uri Link,
    Version Version,
    byte[] Blob);

/// <summary>An enum written as a number.</summary>
public enum Shade
{
    Light,
    Dark = 7,
}

/// <summary>A flags enum written as a number.</summary>
[Flags]
public enum Access
{
    None = 0,
    Read = 1,
    Write = 2,
}

/// <summary>An enum written as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Stage>))]
public enum Stage
{
    Draft,
    Published,
}

/// <summary>Enums as numbers and names, nullable and in collections.</summary>
[Event("parity/enums")]
public sealed partial record Enums(Shade Shade, Access Access, Stage Stage, Shade? Maybe, Stage? MaybeStage, List<Stage> Stages, Shade Undefined);

/// <summary>Nulls and ignore conditions.</summary>
[Event("parity/nulls")]
public sealed partial class Nulls
{
    public string? Text { get; set; }

    public Nulls? Child { get; set; }

    public int? Number { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SkippedWhenNull { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int SkippedWhenDefault { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Never { get; set; }

    [JsonIgnore]
    public string Always { get; set; } = "kept out";

    public List<string>? NoList { get; set; }
}

/// <summary>Collections of nullable elements and values, which must compile without nullable warnings.</summary>
[Event("parity/nullable-collections")]
public sealed partial class NullableCollections
{
    public Dictionary<string, string?> Labels { get; set; } = [];

    public string?[] Names { get; set; } = [];

    public List<string?> Items { get; set; } = [];

    public List<int?> Counts { get; set; } = [];

    public IReadOnlyDictionary<string, List<string?>?> Nested { get; set; } = new Dictionary<string, List<string?>?>();
}
