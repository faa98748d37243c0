namespace AttrFanout.Generators.Tests.Serialization;

/// <summary>Payload types covering what the generated JSON metadata supports, and a probe that drives them at run time.</summary>
internal static class PayloadScenarios
{
    public const string Supported = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using AttrFanout;

        namespace Payloads
        {
            public enum Priority { Low, High }

            [JsonConverter(typeof(JsonStringEnumConverter<Status>))]
            public enum Status { Draft, Shipped }

            [Event("shop/order.placed")]
            public sealed partial record OrderPlaced(Guid OrderId, DateTimeOffset PlacedAt, decimal Total, Customer Customer, List<OrderLine> Lines)
            {
                public Priority Priority { get; init; } = Priority.High;
                public int? Coupon { get; set; }
                public Dictionary<string, string> Tags { get; set; } = new();
                [JsonPropertyName("note_text")] public string? Note { get; set; }
                [JsonIgnore] public string Secret { get; set; } = "kept out";
                [JsonIgnore] public object? Scratch { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Channel { get; set; }
            }

            public sealed class Customer
            {
                public required string Name { get; init; }
                public string? Email { get; set; }
                public Address? Address { get; set; }
                public string[] Roles { get; set; } = [];
            }

            public struct Address
            {
                public Address() { City = ""; Zip = ""; }
                public string City { get; set; }
                [JsonInclude] public string Zip;
                public string Country { get; init; } = "UK";
            }

            public sealed record OrderLine(string Sku, int Quantity, decimal Price = 1m);

            [Event("catalog/updated")]
            public sealed partial class CatalogUpdated
            {
                public IReadOnlyList<string> Skus { get; set; } = [];
                public IList<int> Counts { get; set; } = new List<int>();
                public ICollection<long> Ids { get; set; } = new List<long>();
                public IEnumerable<Guid> Refs { get; set; } = [];
                public IReadOnlyCollection<Priority> Priorities { get; set; } = [];
                public HashSet<string> Labels { get; set; } = [];
                public ISet<int> Slots { get; set; } = new HashSet<int>();
                public IDictionary<string, Priority> Levels { get; set; } = new Dictionary<string, Priority>();
                public IReadOnlyDictionary<string, int> Stock { get; set; } = new Dictionary<string, int>();
                public List<List<int>> Grid { get; set; } = [];
                public byte[] Blob { get; set; } = [];
                public DateTime At { get; set; }
                public TimeSpan Duration { get; set; }
                public DateOnly Day { get; set; }
                public TimeOnly Time { get; set; }
                public Uri? Link { get; set; }
                public bool Flag { get; set; }
                public double Ratio { get; set; }
                public char Letter { get; set; }
                public Priority? Maybe { get; set; }
                public Node? Tree { get; set; }
                [JsonRequired] public string Source { get; set; } = "";
                public Status State { get; set; } = Status.Draft;
            }

            public sealed class Node
            {
                public string Name { get; set; } = "";
                public List<Node> Children { get; set; } = [];
            }
        }
        """;

    public const string MemberKinds = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using AttrFanout;

        namespace Kinds
        {
            public enum Shade { Light, Dark }

            public sealed class CentsConverter : JsonConverter<long>
            {
                public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetInt64() * 100;
                public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value / 100);
            }

            [JsonConverter(typeof(SkuConverter))]
            public readonly record struct Sku(string Value);

            public sealed class SkuConverter : JsonConverter<Sku>
            {
                public override Sku Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);
                public override void Write(Utf8JsonWriter writer, Sku value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
            }

            [JsonNumberHandling(JsonNumberHandling.WriteAsString)]
            [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
            public sealed class Quoted
            {
                public int Count { get; set; }
            }

            public class Base
            {
                public string Origin { get; set; } = "";
            }

            [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
            [JsonDerivedType(typeof(Circle), "circle")]
            public abstract class Shape
            {
                public string Name { get; set; } = "";
            }

            public sealed class Circle : Shape
            {
                public double Radius { get; set; }
            }

            [Event("kinds/everything")]
            public sealed partial class Everything : Base
            {
                [JsonInclude] public int Field;
                [JsonPropertyOrder(-1)] public string First { get; set; } = "";
                [JsonInclude] public decimal Balance { get; private set; }
                [JsonConverter(typeof(JsonStringEnumConverter))] public Shade Shade { get; set; }
                [JsonConverter(typeof(CentsConverter))] public long Cents { get; set; }
                [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int Lenient { get; set; }
                public Sku Sku { get; set; }
                public Quoted Quoted { get; set; } = new();
                public Dictionary<Guid, int> ByGuid { get; set; } = new();
                public ImmutableArray<string> Names { get; set; } = ImmutableArray<string>.Empty;
                public ImmutableDictionary<Shade, int> ByShade { get; set; } = ImmutableDictionary<Shade, int>.Empty;
                public Queue<int> Pending { get; set; } = new();
                public KeyValuePair<string, int> Pair { get; set; }
                public object? Anything { get; set; }
                public Shape? Outline { get; set; }
                [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] public List<int> Filled { get; } = new();
                [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
            }
        }
        """;

    public const string EscapeHatches = """
        using System.Text.Json.Serialization;
        using AttrFanout;

        namespace Payloads
        {
            [Event("legacy/imported", JsonContext = typeof(LegacyJsonContext))]
            public sealed partial record LegacyImported(object Anything);

            [JsonSerializable(typeof(LegacyImported))]
            [JsonSerializable(typeof(int))]
            [JsonSerializable(typeof(System.Text.Json.JsonElement))]
            public partial class LegacyJsonContext : JsonSerializerContext;

            [Event("misc/untyped")]
            public sealed partial record Untyped(System.IO.Stream Value);
        }
        """;

    public const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using AttrFanout;
        using Microsoft.Extensions.DependencyInjection;
        using Payloads;

        public static class Probe
        {
            private static readonly FunctionCatalog Catalog = (FunctionCatalog)new ServiceCollection()
                .AddAttrFanout()
                .Single(static d => d.ServiceType == typeof(FunctionCatalog))
                .ImplementationInstance!;

            public static EventDescriptor Descriptor(string name) => Catalog.TryGetEvent(name, out var descriptor) ? descriptor : throw new InvalidOperationException(name);

            public static OrderPlaced Order() => new(
                new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
                new DateTimeOffset(2026, 11, 28, 4, 30, 0, TimeSpan.FromHours(1)),
                19.99m,
                new Customer { Name = "Ada", Email = null, Address = new Address { City = "London", Zip = "N1", Country = "FR" }, Roles = ["admin", "buyer"] },
                [new OrderLine("sku-1", 1, 9.99m), new OrderLine("sku-2", 2, 5m)])
            {
                Priority = Priority.Low,
                Coupon = 7,
                Tags = new() { ["source"] = "web" },
                Note = "leave at the door",
                Secret = "not stored",
            };

            public static CatalogUpdated Catalog_() => new()
            {
                Skus = ["a", "b"],
                Counts = new List<int> { 1, 2 },
                Ids = new List<long> { 3L },
                Refs = [Guid.Empty],
                Priorities = [Priority.High],
                Labels = ["x"],
                Slots = new HashSet<int> { 4 },
                Levels = new Dictionary<string, Priority> { ["p"] = Priority.High },
                Stock = new Dictionary<string, int> { ["s"] = 5 },
                Grid = [[1, 2], [3]],
                Blob = [1, 2, 3],
                At = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                Duration = TimeSpan.FromMinutes(90),
                Day = new DateOnly(2026, 11, 28),
                Time = new TimeOnly(6, 15),
                Link = new Uri("https://example.com/a"),
                Flag = true,
                Ratio = 0.5,
                Letter = 'z',
                Maybe = null,
                Tree = new Node { Name = "root", Children = [new Node { Name = "leaf" }] },
                Source = "erp",
                State = Status.Shipped,
            };

            public static string Json(string eventName) => Encoding.UTF8.GetString(Descriptor(eventName).SerializePayload(Sample(eventName)));

            /// <summary>Serializes, deserializes, serializes again; returns the JSON after checking both agree and the C# values survived.</summary>
            public static string RoundTrip(string eventName)
            {
                var descriptor = Descriptor(eventName);
                var first = descriptor.SerializePayload(Sample(eventName));
                var envelope = descriptor.DeserializeEnvelope("evt-1", DateTimeOffset.UnixEpoch, first);
                var second = Encoding.UTF8.GetString(descriptor.SerializePayload(envelope.Payload));
                if (Encoding.UTF8.GetString(first) != second)
                {
                    return "changed: " + second;
                }

                if (envelope.Id != "evt-1" || envelope.Name != eventName || envelope.Timestamp != DateTimeOffset.UnixEpoch)
                {
                    return "envelope: " + envelope.Id + " " + envelope.Name + " " + envelope.Timestamp;
                }

                return Check(envelope) ?? second;
            }

            public static object Deserialize(string eventName, string json) =>
                Descriptor(eventName).DeserializeEnvelope("evt-1", DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes(json)).Payload;

            public static byte[] Serialize(string eventName) => Descriptor(eventName).SerializePayload(Sample(eventName));

            public static bool CanSerialize(string eventName) => Descriptor(eventName).CanSerializePayload;

            private static object Sample(string eventName) => eventName switch
            {
                "shop/order.placed" => Order(),
                "catalog/updated" => Catalog_(),
                "legacy/imported" => new LegacyImported(42),
                "misc/untyped" => new Untyped(System.IO.Stream.Null),
                _ => throw new ArgumentOutOfRangeException(eventName),
            };

            private static string? Check(EventEnvelope envelope) => envelope switch
            {
                Event<OrderPlaced> { Data: var o } => CheckOrder(o),
                Event<CatalogUpdated> { Data: var c } when c.Counts is List<int> && c.Slots is HashSet<int> && c.Levels is Dictionary<string, Priority>
                    && c.Tree!.Children[0].Name == "leaf" && c.Blob.SequenceEqual(new byte[] { 1, 2, 3 }) && c.Source == "erp" => null,
                Event<CatalogUpdated> => "catalog values differ",
                Event<LegacyImported> => null,
                _ => "unexpected envelope " + envelope.GetType(),
            };

            private static string? CheckOrder(OrderPlaced o)
            {
                var expected = Order();
                if (o != expected with { Customer = o.Customer, Lines = o.Lines, Tags = o.Tags, Secret = "kept out" }) return "order: " + o;
                if (o.Customer.Name != "Ada" || o.Customer.Address is not { City: "London", Zip: "N1", Country: "FR" } || !o.Customer.Roles.SequenceEqual(["admin", "buyer"])) return $"customer {o.Customer.Name} {o.Customer.Address?.City} {o.Customer.Address?.Zip} {string.Join(",", o.Customer.Roles)}";
                if (!o.Lines.SequenceEqual(expected.Lines)) return "lines";
                return o.Tags["source"] == "web" ? null : "tags";
            }
        }
        """;
}
