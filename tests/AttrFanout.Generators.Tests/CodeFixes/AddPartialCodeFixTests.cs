using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

public sealed class AddPartialCodeFixTests
{
    [Fact]
    public Task Adds_partial_after_the_other_modifiers() =>
        FanoutVerifier.FixAsync<EventTypeAnalyzer, AddPartialCodeFix>(
            """
            using AttrFanout;
            [Event("user/signup")] public sealed record {|AF0009:UserSignedUp|}(string UserId);
            """,
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            """);

    [Fact]
    public Task Adds_partial_to_a_type_without_modifiers_keeping_its_layout() =>
        FanoutVerifier.FixAsync<EventTypeAnalyzer, AddPartialCodeFix>(
            """
            using AttrFanout;

            [Event("shop/order.placed")]
            record struct {|AF0009:OrderPlaced|}(int Number);
            """,
            """
            using AttrFanout;

            [Event("shop/order.placed")]
            partial record struct OrderPlaced(int Number);
            """);

    [Fact]
    public Task Adds_partial_to_the_containing_types_too() =>
        FanoutVerifier.FixAsync<EventTypeAnalyzer, AddPartialCodeFix>(
            """
            using AttrFanout;
            namespace Shop;
            public static class Events
            {
                internal class Users
                {
                    [Event("user/signup")] public sealed class {|AF0009:UserSignedUp|} { }
                    [Event("user/left")] public sealed class {|AF0009:UserLeft|} { }
                }
            }
            """,
            """
            using AttrFanout;
            namespace Shop;
            public static partial class Events
            {
                internal partial class Users
                {
                    [Event("user/signup")] public sealed partial class UserSignedUp { }
                    [Event("user/left")] public sealed partial class UserLeft { }
                }
            }
            """);

    [Fact]
    public Task Is_not_offered_for_a_generic_type() =>
        FanoutVerifier.FixAsync<EventTypeAnalyzer, AddPartialCodeFix>(
            """
            using AttrFanout;
            [Event("user/signup")] public sealed record {|AF0009:Envelope|}<T>(T Value);
            """,
            """
            using AttrFanout;
            [Event("user/signup")] public sealed record {|AF0009:Envelope|}<T>(T Value);
            """);

    [Fact]
    public Task Is_not_offered_when_partial_would_not_be_enough() =>
        FanoutVerifier.FixAsync<EventTypeAnalyzer, AddPartialCodeFix>(
            """
            using AttrFanout;
            [Event("odd/static")] public static class {|AF0009:Settings|} { }
            [Event("odd/ref")] public ref struct {|AF0009:Buffer|} { }
            [Event("odd/file")] file sealed record {|AF0009:Local|}(int Value);
            """,
            """
            using AttrFanout;
            [Event("odd/static")] public static class {|AF0009:Settings|} { }
            [Event("odd/ref")] public ref struct {|AF0009:Buffer|} { }
            [Event("odd/file")] file sealed record {|AF0009:Local|}(int Value);
            """);
}
