using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

public sealed class AddJsonIncludeCodeFixTests
{
    [Fact]
    public Task Adds_json_include_to_a_property_with_a_private_setter_and_the_using() =>
        FanoutVerifier.FixAsync<PayloadSerializationAnalyzer, AddJsonIncludeCodeFix>(
            """
            using AttrFanout;

            [Event("bank/deposited")]
            public sealed partial class Deposited
            {
                public decimal {|AF0017:Balance|} { get; private set; }
            }
            """,
            """
            using AttrFanout;
            using System.Text.Json.Serialization;

            [Event("bank/deposited")]
            public sealed partial class Deposited
            {
                [JsonInclude]
                public decimal Balance { get; private set; }
            }
            """);

    [Fact]
    public Task Is_not_offered_for_a_get_only_collection() =>
        FanoutVerifier.FixAsync<PayloadSerializationAnalyzer, AddJsonIncludeCodeFix>(
            """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using AttrFanout;

            [Event("shop/cart.saved")]
            public sealed partial class CartSaved
            {
                public List<string> {|AF0017:Items|} { get; } = new();
            }
            """,
            """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using AttrFanout;

            [Event("shop/cart.saved")]
            public sealed partial class CartSaved
            {
                public List<string> {|AF0017:Items|} { get; } = new();
            }
            """);

    [Fact]
    public Task Adds_json_include_to_a_public_field() =>
        FanoutVerifier.FixAsync<PayloadSerializationAnalyzer, AddJsonIncludeCodeFix>(
            """
            using System.Text.Json.Serialization;
            using AttrFanout;

            [Event("bank/opened")]
            public sealed partial class Opened
            {
                public string Id { get; set; } = "";
                public int {|AF0019:Version|};
            }
            """,
            """
            using System.Text.Json.Serialization;
            using AttrFanout;

            [Event("bank/opened")]
            public sealed partial class Opened
            {
                public string Id { get; set; } = "";
                [JsonInclude]
                public int Version;
            }
            """);
}
