using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>Dictionaries keyed by something other than strings.</summary>
[Event("parity/keys")]
public sealed partial class Keyed
{
    public Dictionary<Guid, int> ByGuid { get; set; } = [];
    public Dictionary<int, string> ByNumber { get; set; } = [];
    public Dictionary<Shade, string> ByEnum { get; set; } = [];
    public SortedDictionary<long, string> Sorted { get; set; } = [];
    public IReadOnlyDictionary<DateOnly, decimal> ByDay { get; set; } = new Dictionary<DateOnly, decimal>();
    public Dictionary<bool, char> ByFlag { get; set; } = [];
    public Dictionary<char, double> ByLetter { get; set; } = [];
    public Dictionary<DateTimeOffset, Uri> ByMoment { get; set; } = [];
}

/// <summary>Framework collections beyond lists and dictionaries.</summary>
[Event("parity/framework-collections")]
public sealed partial class FrameworkCollections
{
    public ImmutableArray<int> Array { get; set; } = [];
    public ImmutableList<string> List { get; set; } = [];
    public IImmutableList<string> ListInterface { get; set; } = ImmutableList<string>.Empty;
    public ImmutableDictionary<string, int> Dictionary { get; set; } = ImmutableDictionary<string, int>.Empty;
    public ImmutableHashSet<string> HashSet { get; set; } = [];
    public ImmutableSortedDictionary<string, int> SortedDictionary { get; set; } = ImmutableSortedDictionary<string, int>.Empty;
    public Queue<int> Queue { get; set; } = new();
    public Stack<int> Stack { get; set; } = new();
    public SortedSet<int> SortedSet { get; set; } = [];
    public LinkedList<int> Linked { get; set; } = new();
    public ObservableCollection<string> Observable { get; set; } = [];
    public KeyValuePair<string, int> Pair { get; set; }
    public List<KeyValuePair<string, Shade>> Pairs { get; set; } = [];
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Concurrent { get; set; } = new();
    public SortedList<string, int> SortedList { get; set; } = [];
    public Collection<int> Collection { get; set; } = [];
    public ImmutableQueue<int> ImmutableQueue { get; set; } = [];
    public ImmutableSortedSet<string> ImmutableSortedSet { get; set; } = [];
    public IImmutableSet<int> ImmutableSetInterface { get; set; } = ImmutableHashSet<int>.Empty;
    public IImmutableDictionary<int, string> ImmutableDictionaryInterface { get; set; } = ImmutableDictionary<int, string>.Empty;
}

/// <summary>Writes an int as a JSON string.</summary>
public sealed class IntAsText : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => int.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>An amount with a currency, written as one string by its own converter.</summary>
[JsonConverter(typeof(MoneyConverter))]
public readonly record struct Money(decimal Amount, string Currency);

/// <summary>Writes <see cref="Money"/> as <c>"12.50 EUR"</c>.</summary>
public sealed class MoneyConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parts = reader.GetString()!.Split(' ');
        return new Money(decimal.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + value.Currency);
}

/// <summary>Numbers written as strings for the whole type.</summary>
[JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
public sealed class Quoted
{
    public long Big { get; set; }
    public double Ratio { get; set; }
}

/// <summary>Converters on members and types, and number handling.</summary>
[Event("parity/converters")]
public sealed partial class Converted
{
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public Shade Named { get; set; }

    [JsonConverter(typeof(JsonStringEnumConverter<Access>))]
    public Access Flags { get; set; }

    [JsonConverter(typeof(IntAsText))]
    public int Text { get; set; }

    public Money Price { get; set; }

    public Money? MaybePrice { get; set; }

    public List<Money> Prices { get; set; } = [];

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public int Number { get; set; }

    public Quoted Quoted { get; set; } = new();
}

/// <summary>Members without a fixed shape, and extension data.</summary>
[Event("parity/loose")]
public sealed partial class Loose
{
    public object? Anything { get; set; }
    public Dictionary<string, object> Bag { get; set; } = [];
    public JsonElement Element { get; set; }
    public JsonNode? Node { get; set; }
    public JsonObject? Object { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A class read back through an internal constructor, with included non-public members.</summary>
[Event("parity/included")]
public sealed partial class Included
{
    [JsonConstructor]
    internal Included(string id) => Id = id;

    public string Id { get; }

    [JsonInclude]
    public decimal Balance { get; private set; }

    [JsonInclude]
    internal int Internal { get; set; }

    [JsonInclude]
    public string Label { get; internal set; } = "";

    public static Included Create(string id, decimal balance, int hidden, string label) => new(id) { Balance = balance, Internal = hidden, Label = label };
}

/// <summary>Writes an <see cref="System.Net.IPAddress"/> as its text.</summary>
public sealed class IPAddressConverter : JsonConverter<System.Net.IPAddress>
{
    public override System.Net.IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => System.Net.IPAddress.Parse(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, System.Net.IPAddress value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>A member whose type has no JSON metadata of its own, only the member's converter.</summary>
[Event("parity/connected")]
public sealed partial class Connected
{
    [JsonConverter(typeof(IPAddressConverter))]
    public System.Net.IPAddress Address { get; set; } = System.Net.IPAddress.Loopback;

    [JsonConverter(typeof(IPAddressConverter))]
    public System.Net.IPAddress? Gateway { get; set; }
}

/// <summary>A type whose get-only collections System.Text.Json fills in place.</summary>
[JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
public sealed class Basket
{
    public List<string> Items { get; } = [];

    public Dictionary<string, int> Counts { get; } = [];
}

/// <summary>Get-only collections read back by populating them.</summary>
[Event("parity/populated")]
public sealed partial class Populated
{
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<string> Tags { get; } = [];

    public Basket Basket { get; set; } = new();
}

/// <summary>A payload that refuses members it does not know.</summary>
[Event("parity/strict")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed partial record Strict(string Name);
