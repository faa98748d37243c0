using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>Escaping, numbers, dates, enums and nulls, written as System.Text.Json's generator writes them.</summary>
public sealed class ValueParityTests
{
    [Fact]
    public void Strings_are_escaped_the_same_way()
    {
        Parity.AssertSameJson(new Text("<b>&amp;</b>", "\"it's\" \\ /", "caf\u00e9 \u65e5\u672c \ud83d\ude00", "tab\tnew\nnul\0bell\u0007", null, '<'));
    }

    [Fact]
    public void Numbers_at_their_edges_are_written_the_same_way()
    {
        Parity.AssertSameJson(new Numbers
        {
            Byte = byte.MaxValue,
            SByte = sbyte.MinValue,
            Int16 = short.MinValue,
            UInt16 = ushort.MaxValue,
            Int32 = int.MinValue,
            UInt32 = uint.MaxValue,
            Int64 = long.MinValue,
            UInt64 = ulong.MaxValue,
            Int128 = Int128.MinValue,
            UInt128 = UInt128.MaxValue,
            Half = (Half)0.1,
            Single = float.Epsilon,
            Double = 0.1 + 0.2,
            Decimal = 1.10m,
            MaybeDouble = -0.0,
            MaybeDecimal = decimal.MinValue,
        });
        Parity.AssertSameJson(new Numbers { Double = double.MaxValue, Single = float.MinValue, Decimal = 79228162514264337593543950335m, MaybeDouble = 1e-300 });
    }

    [Fact]
    public void Dates_times_and_text_values_are_written_the_same_way()
    {
        Parity.AssertSameJson(new Dates(
            new DateTime(2026, 12, 6, 7, 45, 1, 123, DateTimeKind.Utc).AddTicks(4567),
            new DateTime(2026, 12, 6, 7, 45, 0, DateTimeKind.Local),
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            new DateTimeOffset(2026, 12, 6, 7, 45, 0, TimeSpan.FromHours(-5.5)),
            new DateOnly(1, 1, 1),
            new TimeOnly(23, 59, 59, 999),
            TimeSpan.FromDays(-1.5),
            null,
            Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
            new Uri("https://example.com/a b?q=\u00e9"),
            new Version(1, 2, 3),
            [0, 1, 254, 255]));
    }

    [Fact]
    public void Enums_are_numbers_unless_the_type_asks_for_names()
    {
        Parity.AssertSameJson(new Enums(Shade.Dark, Access.Read | Access.Write, Stage.Published, null, Stage.Draft, [Stage.Draft, Stage.Published], (Shade)42));
    }

    [Fact]
    public void Nulls_and_ignore_conditions_are_written_the_same_way()
    {
        Parity.AssertSameJson(new Nulls());
        Parity.AssertSameJson(new Nulls { Text = "t", Child = new Nulls { Number = 1 }, SkippedWhenNull = "s", SkippedWhenDefault = 4, Never = "n", NoList = [] });
    }

    [Fact]
    public void Collections_of_nullable_elements_are_written_the_same_way()
    {
        Parity.AssertSameJson(new NullableCollections
        {
            Labels = new() { ["a"] = null, ["b"] = "x" },
            Names = [null, "n"],
            Items = ["i", null],
            Counts = [1, null],
            Nested = new Dictionary<string, List<string?>?> { ["k"] = [null], ["none"] = null },
        });
    }
}
