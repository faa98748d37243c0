using System.Text.Json.Serialization;
using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>System.Text.Json's own source generator, default options: the reference every payload is compared with.</summary>
[JsonSerializable(typeof(Ordered))]
[JsonSerializable(typeof(Derived))]
[JsonSerializable(typeof(WithFields))]
[JsonSerializable(typeof(Positional))]
[JsonSerializable(typeof(Text))]
[JsonSerializable(typeof(Numbers))]
[JsonSerializable(typeof(Dates))]
[JsonSerializable(typeof(Enums))]
[JsonSerializable(typeof(Nulls))]
[JsonSerializable(typeof(NullableCollections))]
[JsonSerializable(typeof(Measured))]
[JsonSerializable(typeof(Keyed))]
[JsonSerializable(typeof(FrameworkCollections))]
[JsonSerializable(typeof(Converted))]
[JsonSerializable(typeof(Loose))]
[JsonSerializable(typeof(Included))]
[JsonSerializable(typeof(Drawn))]
[JsonSerializable(typeof(Strict))]
[JsonSerializable(typeof(Populated))]
[JsonSerializable(typeof(Connected))]
[JsonSerializable(typeof(Notified))]
[JsonSerializable(typeof(Sample))]
[JsonSerializable(typeof(Shapes))]
[JsonSerializable(typeof(DefaultsClass))]
[JsonSerializable(typeof(DefaultsRecord))]
[JsonSerializable(typeof(DefaultsRequired))]
[JsonSerializable(typeof(DefaultsIncluded))]
internal sealed partial class ParityContext : JsonSerializerContext;
