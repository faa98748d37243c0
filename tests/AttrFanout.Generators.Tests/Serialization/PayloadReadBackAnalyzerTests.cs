using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AttrFanout.Generators.Tests.Serialization;

/// <summary>AF0017: members written to JSON that reading it back never sets.</summary>
public sealed class PayloadReadBackAnalyzerTests
{
    [Fact]
    public Task A_private_setter_without_a_constructor_parameter_is_reported_with_the_fix() => Verify(
        """
        using AttrFanout;

        [Event("bank/deposited")]
        public sealed partial class Deposited
        {
            public string Account { get; set; } = "";
            public decimal {|#0:Balance|} { get; private set; }
        }
        """,
        new DiagnosticResult(Descriptors.PayloadMemberNotReadBack)
            .WithLocation(0)
            .WithArguments(
                "The member 'Deposited.Balance' of type 'decimal'",
                "bank/deposited",
                "its setter is private and no constructor parameter sets it, so reading the JSON back leaves it at its default; add [JsonInclude] to the property, make the setter public or init, or add a constructor parameter named 'balance'"));

    [Fact]
    public Task Get_only_collections_and_readonly_included_fields_in_nested_types_are_reported() => Verify(
        """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using AttrFanout;

        public sealed class Cart
        {
            public List<string> {|#0:Items|} { get; } = new();
            [JsonInclude] public readonly int {|#1:Version|};
        }

        [Event("shop/cart.saved")]
        public sealed partial record CartSaved(Cart Cart);
        """,
        new DiagnosticResult(Descriptors.PayloadMemberNotReadBack)
            .WithLocation(0)
            .WithArguments(
                "The member 'Cart.Items' of type 'System.Collections.Generic.List<string>'",
                "shop/cart.saved",
                "it has no setter and System.Text.Json does not fill a get-only collection, so reading the JSON back leaves it as created; add a setter (set or init), a constructor parameter named 'items', or [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]"),
        new DiagnosticResult(Descriptors.PayloadMemberNotReadBack)
            .WithLocation(1)
            .WithArguments(
                "The member 'Cart.Version' of type 'int'",
                "shop/cart.saved",
                "it is readonly and no constructor parameter sets it, so reading the JSON back leaves it at its default; remove readonly or add a constructor parameter named 'version'"));

    [Fact]
    public Task Members_set_by_a_constructor_an_init_accessor_json_include_or_that_are_computed_are_not_reported() => Verify("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json.Serialization;
        using AttrFanout;

        [Event("bank/opened")]
        public sealed partial class Opened
        {
            public Opened(string id, List<string> owners) { Id = id; Owners = owners; }
            public string Id { get; private set; }
            public List<string> Owners { get; }
            public decimal Limit { get; init; }
            [JsonInclude] public decimal Balance { get; private set; }
            public int OwnerCount => Owners.Count;
            public string Label { get; } = "account";
            [JsonIgnore] public decimal Hidden { get; private set; }
            [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] public List<string> Filled { get; } = new();
        }
        """);

    [Fact]
    public Task A_public_field_without_json_include_is_reported_and_included_or_ignored_ones_are_not() => Verify(
        """
        using System.Text.Json.Serialization;
        using AttrFanout;

        public class Base
        {
            public long {|#1:Sequence|};
        }

        [Event("bank/opened")]
        public sealed partial class Opened : Base
        {
            public string Id { get; set; } = "";
            public int {|#0:Version|};
            [JsonInclude] public int Included;
            [JsonIgnore] public int Ignored;
            public const int Constant = 1;
            public static int Shared;
            internal int Internal;
        }
        """,
        new DiagnosticResult(Descriptors.PayloadFieldNotSerialized)
            .WithLocation(0)
            .WithArguments(
                "The member 'Opened.Version' of type 'int'",
                "bank/opened",
                "System.Text.Json does not serialize a field without [JsonInclude], so its value is not stored; add [JsonInclude] to store it, or [JsonIgnore] to say it is not meant to be"),
        new DiagnosticResult(Descriptors.PayloadFieldNotSerialized)
            .WithLocation(1)
            .WithArguments(
                "The member 'Base.Sequence' of type 'long'",
                "bank/opened",
                "System.Text.Json does not serialize a field without [JsonInclude], so its value is not stored; add [JsonInclude] to store it, or [JsonIgnore] to say it is not meant to be"));

    private static Task Verify(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<PayloadSerializationAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
