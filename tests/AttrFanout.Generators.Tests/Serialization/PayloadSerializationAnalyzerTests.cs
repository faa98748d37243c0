using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AttrFanout.Generators.Tests.Serialization;

public sealed class PayloadSerializationAnalyzerTests
{
    [Fact]
    public Task The_supported_payload_set_gets_no_diagnostic() => Verify(PayloadScenarios.Supported);

    [Fact]
    public Task A_payload_with_a_json_context_is_not_analyzed() => Verify("""
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using AttrFanout;

        [JsonSerializable(typeof(LegacyImported))]
        public sealed class LegacyContext() : JsonSerializerContext(null)
        {
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [Event("legacy/imported", JsonContext = typeof(LegacyContext))]
        public sealed partial record LegacyImported(object Anything, System.IO.Stream Body);
        """);

    [Fact]
    public Task A_json_context_that_is_not_a_serializer_context_is_reported_at_the_attribute() => Verify(
        """
        using AttrFanout;

        public sealed class NotAContext { }

        [{|#0:Event("legacy/imported", JsonContext = typeof(NotAContext))|}]
        public sealed partial record LegacyImported(object Anything);
        """,
        new DiagnosticResult(Descriptors.PayloadNotSerializable)
            .WithLocation(0)
            .WithArguments("The JsonContext 'NotAContext'", "legacy/imported", "it does not derive from JsonSerializerContext"));

    [Fact]
    public Task A_naming_policy_beside_a_json_context_is_reported_as_ignored_with_where_to_set_it() => Verify(
        """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using AttrFanout;

        [{|#0:Event("js/imported", JsonContext = typeof(ImportContext), JsonNaming = JsonKnownNamingPolicy.CamelCase)|}]
        public sealed partial record Imported(string Name);

        [Event("js/exported", JsonNaming = JsonKnownNamingPolicy.CamelCase)]
        public sealed partial record Exported(string Name);

        [JsonSerializable(typeof(Imported))]
        public sealed class ImportContext() : JsonSerializerContext(null)
        {
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }
        """,
        new DiagnosticResult(Descriptors.JsonNamingIgnored)
            .WithLocation(0)
            .WithArguments("js/imported", "CamelCase", "ImportContext"));

    [Fact]
    public Task A_json_context_that_does_not_list_the_payload_is_reported_at_the_argument() => Verify(
        """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using AttrFanout;

        [JsonSerializable(typeof(int))]
        public sealed class LegacyJsonContext() : JsonSerializerContext(null)
        {
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [Event("legacy/imported", JsonContext = {|#0:typeof(LegacyJsonContext)|})]
        public sealed partial record LegacyImported(object Anything);

        [Event("legacy/listed", JsonContext = typeof(ListedJsonContext))]
        public sealed partial record LegacyListed(object Anything);

        [JsonSerializable(typeof(LegacyListed))]
        public sealed class ListedJsonContext() : JsonSerializerContext(null)
        {
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }
        """,
        new DiagnosticResult(Descriptors.PayloadNotSerializable)
            .WithLocation(0)
            .WithArguments(
                "The payload type 'LegacyImported'",
                "legacy/imported",
                "its JsonContext 'LegacyJsonContext' does not list it; add [JsonSerializable(typeof(LegacyImported))] to 'LegacyJsonContext'"));

    [Fact]
    public Task The_message_names_the_member_its_type_the_event_the_reason_and_the_escape_hatch() => Verify(
        """
        using AttrFanout;

        [Event("misc/untyped")]
        public sealed partial record Untyped(dynamic {|#0:Value|});
        """,
        new DiagnosticResult(Descriptors.PayloadNotSerializable)
            .WithLocation(0)
            .WithArguments(
                "The member 'Untyped.Value' of type 'dynamic'",
                "misc/untyped",
                "'dynamic' has no fixed shape to read back; use object (read back as a JsonElement) or a concrete type; supply a JsonSerializerContext with [Event(..., JsonContext = typeof(...))]"));

    [Fact]
    public Task Every_unsupported_member_is_reported_where_it_is_declared() => Verify("""
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using AttrFanout;

        namespace Shop
        {
            public interface IPricing { }
            public abstract class Shape { }
            public sealed class NoCreator { public NoCreator(int a) { } public NoCreator(string b) { } public int A { get; set; } }
            public sealed class Inner { public dynamic {|AF0011:Loose|} { get; set; } = 0; }
            public sealed class AsText : JsonConverter<int>
            {
                public override int Read(ref System.Text.Json.Utf8JsonReader reader, System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => 0;
                public override void Write(System.Text.Json.Utf8JsonWriter writer, int value, System.Text.Json.JsonSerializerOptions options) { }
            }

            public sealed class NoDefault : JsonConverter<int>
            {
                public NoDefault(int scale) { }
                public override int Read(ref System.Text.Json.Utf8JsonReader reader, System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => 0;
                public override void Write(System.Text.Json.Utf8JsonWriter writer, int value, System.Text.Json.JsonSerializerOptions options) { }
            }
            public sealed class PrivateCreator { [JsonConstructor] private PrivateCreator(int a) => A = a; public int A { get; } }

            [Event("shop/everything.wrong")]
            public sealed partial class EverythingWrong
            {
                public IPricing? {|AF0011:Pricing|} { get; set; }
                public Shape? {|AF0011:Outline|} { get; set; }
                public int[,] {|AF0011:Grid|} { get; set; } = new int[0, 0];
                public Dictionary<Inner, string> {|AF0011:ByObject|} { get; set; } = new();
                public IReadOnlySet<string> {|AF0011:Seen|} { get; set; } = new HashSet<string>();
                public NoCreator? {|AF0011:Creator|} { get; set; }
                public PrivateCreator? {|AF0011:Hidden|} { get; set; }
                public List<System.Action> {|AF0011:Callbacks|} { get; set; } = new();
                public (int, string) {|AF0011:Pair|} { get; set; }
                public System.IO.Stream? {|AF0011:Body|} { get; set; }
                [JsonConverter(typeof(NoDefault))] public int {|AF0011:Scaled|} { get; set; }
                [JsonConverter(typeof(AsText))] public int? {|AF0011:MaybeText|} { get; set; }
                [JsonInclude] private string {|AF0011:Secret|} { get; set; } = "";
                public Inner? Nested { get; set; }
                [JsonIgnore] public System.IO.Stream? Ignored { get; set; }
                public object? Anything { get; set; }
                public Dictionary<int, string> ByNumber { get; set; } = new();
                public Queue<string> Pending { get; set; } = new();
                [JsonConverter(typeof(AsText))] public int Converted { get; set; }
                [JsonInclude] public string Included { get; private set; } = "";
            }
        }
        """);

    [Fact]
    public Task A_type_with_metadata_only_through_a_member_converter_is_reported_where_it_is_used_without_one() => Verify(
        """
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using AttrFanout;

        public sealed class IpConverter : JsonConverter<System.Net.IPAddress>
        {
            public override System.Net.IPAddress Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) => System.Net.IPAddress.Any;
            public override void Write(Utf8JsonWriter writer, System.Net.IPAddress value, JsonSerializerOptions options) { }
        }

        [Event("net/seen")]
        public sealed partial class Seen
        {
            [JsonConverter(typeof(IpConverter))] public System.Net.IPAddress Address { get; set; } = System.Net.IPAddress.Any;
            public System.Net.IPAddress? {|#0:Other|} { get; set; }
        }
        """,
        new DiagnosticResult(Descriptors.PayloadNotSerializable)
            .WithLocation(0)
            .WithArguments(
                "The member 'Seen.Other' of type 'System.Net.IPAddress?'",
                "net/seen",
                "'System.Net.IPAddress?' has JSON metadata only through a member's [JsonConverter]; add the converter here too, or to the type; supply a JsonSerializerContext with [Event(..., JsonContext = typeof(...))]"));

    [Fact]
    public Task A_constructor_parameter_without_a_matching_member_is_reported_at_the_parameter() => Verify("""
        using AttrFanout;

        [Event("shop/renamed")]
        public sealed partial class Renamed
        {
            public Renamed(string {|AF0011:code|}) => Id = code;
            public string Id { get; }
        }
        """);

    [Fact]
    public async Task A_member_declared_in_metadata_is_reported_at_the_event_type()
    {
        var library = TestCompilation.ToReference(TestCompilation.Create("Lib", "namespace Lib { public class Base { public System.IO.Stream? Extra { get; set; } } }"));

        await Verify(
            """
            using AttrFanout;

            [Event("app/derived")]
            public sealed partial class {|AF0011:Derived|} : Lib.Base
            {
                public string Name { get; set; } = "";
            }
            """,
            [],
            library);
    }

    private static Task Verify(string source, params DiagnosticResult[] expected) => Verify(source, expected, []);

    private static Task Verify(string source, DiagnosticResult[] expected, params MetadataReference[] references)
    {
        var test = new CSharpAnalyzerTest<PayloadSerializationAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
