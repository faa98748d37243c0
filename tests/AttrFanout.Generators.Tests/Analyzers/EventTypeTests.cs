using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0009: an <c>[Event]</c> type must be able to receive its generated plumbing.</summary>
public sealed class EventTypeTests
{
    [Fact]
    public Task Fires_for_a_type_that_is_not_partial() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event("user/signup")] public sealed record {|#0:UserSignedUp|}(string UserId);
            [Event("user/left")] public struct {|AF0009:UserLeft|} { }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EventTypeNotPartial, 0).WithArguments("UserSignedUp", "it is not partial; add the 'partial' modifier")]);

    [Fact]
    public Task Fires_for_a_generic_type() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event("user/signup")] public sealed partial record {|#0:Envelope|}<T>(T Value);
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EventTypeNotPartial, 0).WithArguments("Envelope<T>", "it is generic")]);

    [Fact]
    public Task A_handler_of_a_generic_event_type_gets_no_AF0003_advising_the_open_type() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event("box/packed")] public sealed partial record {|AF0009:Box|}<T>(T Value);
            public static class Handlers
            {
                [OnEvent("box/packed")] public static void Pack(Box<int> box) { }
            }
            """);

    [Fact]
    public Task Fires_for_a_static_class_and_a_ref_struct() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event("odd/static")] public static partial class {|#0:Settings|} { }
            [Event("odd/ref")] public ref partial struct {|#1:Buffer|} { }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.EventTypeNotPartial, 0).WithArguments(
                    "Settings", "it is static, but a payload is an instance that is sent and stored; remove 'static'"),
                FanoutVerifier.Diagnostic(Descriptors.EventTypeNotPartial, 1).WithArguments(
                    "Buffer", "it is a ref struct, which cannot be stored or passed to generic code; remove 'ref'"),
            ]);

    [Fact]
    public Task Fires_for_a_containing_type_that_is_not_partial() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            namespace Shop;
            public static class Events
            {
                [Event("user/signup")] public sealed partial record {|#0:UserSignedUp|}(string UserId);
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EventTypeNotPartial, 0).WithArguments(
                "Shop.Events.UserSignedUp", "its containing type 'Shop.Events' is not partial; add the 'partial' modifier")]);

    [Fact]
    public Task Stays_silent_for_partial_types_in_partial_types() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            namespace Shop;
            public static partial class Events
            {
                [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
                [Event("shop/order.placed")] public partial struct OrderPlaced { public int Number; }
                [Event("shop/order.paid")] public partial record struct OrderPaid(int Number);
            }
            [Event("shop/order.shipped")] internal sealed partial class OrderShipped { }
            """);
}
