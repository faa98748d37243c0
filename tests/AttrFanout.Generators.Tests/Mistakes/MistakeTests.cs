namespace AttrFanout.Generators.Tests.Mistakes;

/// <summary>
/// Mistakes a new user makes, each built with the generator and analyzers: exactly the expected AF diagnostic at the
/// user's line (the <c>// expect:</c> comment), nothing in generated code, no crash, no cascade.
/// </summary>
public sealed class MistakeTests
{
    private const string Prelude = """
        using System.Threading.Tasks;
        using AttrFanout;
        [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);

        """;

    [Fact]
    public Task A_handler_in_a_file_scoped_class() =>
        MistakeBuild.AssertAsync(Prelude + """
            file static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Reserve(OrderPlaced order) { } // expect: AF0008
            }
            """);

    [Fact]
    public Task A_handler_class_with_a_required_service_property() =>
        MistakeBuild.AssertAsync(Prelude + """
            public interface IStock { }
            public sealed class Stock
            {
                public required IStock Service { get; init; }
                [OnEvent("shop/order.placed")] public void Reserve(OrderPlaced order) { } // expect: AF0013
            }
            """);

    [Fact]
    public Task A_handler_class_without_a_public_constructor() =>
        MistakeBuild.AssertAsync(Prelude + """
            public sealed class Stock
            {
                private Stock() { }
                public static Stock Create() => new();
                [OnEvent("shop/order.placed")] public void Reserve(OrderPlaced order) { } // expect: AF0013
            }
            """);

    [Fact]
    public Task A_private_nested_event_type() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            public partial class Outer
            {
                [Event("secret/kept")] private sealed partial record Secret(string Value); // expect: AF0014
                public System.Threading.Tasks.ValueTask<SendResult> Send(IEventSender sender) => sender.SendAsync(new Secret("x"));
            }
            """);

    [Fact]
    public Task A_file_scoped_event_type() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("secret/kept")] file sealed partial record Secret(string Value); // expect: AF0009
            """);

    [Fact]
    public Task An_invalid_event_name_does_not_cascade_into_the_send() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("order placed")] public sealed partial record OrderPlaced(string OrderId); // expect: AF0005
            public static class Sender
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Send(IEventSender sender) => sender.SendAsync(new OrderPlaced("1"));
            }
            """);

    [Fact]
    public Task A_handler_that_is_an_explicit_interface_implementation() =>
        MistakeBuild.AssertAsync(Prelude + """
            public interface IReserve { void Reserve(OrderPlaced order); }
            public sealed class Stock : IReserve
            {
                [OnEvent("shop/order.placed")] void IReserve.Reserve(OrderPlaced order) { } // expect: AF0008
            }
            """);

    [Fact]
    public Task A_generic_event_type_gives_only_AF0009() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("box/packed")] public sealed partial record Box<T>(T Value); // expect: AF0009
            public static class Handlers
            {
                [OnEvent("box/packed")] public static void Pack(Box<int> box) { }
            }
            """);

    [Fact]
    public Task A_private_handler() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] private static void Reserve(OrderPlaced order) { } // expect: AF0008
            }
            """);

    [Fact]
    public Task An_async_void_handler() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static async void Reserve(OrderPlaced order) => await Task.Yield(); // expect: AF0004
            }
            """);

    [Fact]
    public Task An_unknown_event_and_a_wrong_payload() =>
        MistakeBuild.AssertAsync(Prelude + """
            [Event("shop/order.paid")] public sealed partial record OrderPaid(string OrderId);
            public static class Handlers
            {
                [OnEvent("shop/order.placd")] public static void Reserve(OrderPlaced order) { } // expect: AF0002
                [OnEvent("shop/order.paid")] public static void Thank(OrderPlaced order) { } // expect: AF0003
            }
            """);

    [Fact]
    public Task An_invalid_function_id_and_setting() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop/order.placed", Id = "Reserve Stock")] public static void Reserve(OrderPlaced order) { } // expect: AF0006
                [OnEvent("shop/order.placed", Retries = -1)] public static void Audit(OrderPlaced order) { } // expect: AF0010
            }
            """);

    [Fact]
    public Task A_duplicate_function_id() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop/order.placed", Id = "reserve")] public static void Reserve(OrderPlaced order) { } // expect: AF0001
                [OnEvent("shop/order.placed", Id = "reserve")] public static void Again(OrderPlaced order) { } // expect: AF0001
            }
            """);

    [Fact]
    public Task An_event_type_that_is_not_partial() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed record OrderPlaced(string OrderId); // expect: AF0009
            """);

    [Fact]
    public Task An_event_declared_twice() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId); // expect: AF0007
            [Event("shop/order.placed")] public sealed partial record OrderPlacedV2(string OrderId); // expect: AF0007
            """);

    [Fact]
    public Task A_payload_that_cannot_be_serialized() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(System.IO.Stream Body); // expect: AF0011
            """);

    [Fact]
    public Task OnEvent_on_a_local_function_or_lambda() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Setup
            {
                public static System.Action<OrderPlaced> Track = [OnEvent("shop/order.placed")] (OrderPlaced order) => { }; // expect: AF0015
                public static void Run()
                {
                    [OnEvent("shop/order.placed")] static void Reserve(OrderPlaced order) { } // expect: AF0015
                    Reserve(new OrderPlaced("1"));
                }
            }
            """);

    [Fact]
    public Task A_json_context_that_lacks_the_payload_type() =>
        MistakeBuild.AssertAsync("""
            using System;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Text.Json.Serialization.Metadata;
            using AttrFanout;
            [Event("legacy/imported", JsonContext = typeof(LegacyJsonContext))] public sealed partial record LegacyImported(object Anything); // expect: AF0011
            [JsonSerializable(typeof(int))]
            public sealed class LegacyJsonContext() : JsonSerializerContext(null)
            {
                public static LegacyJsonContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }
            """);

    /// <summary>The compiler's CS0311 cannot be suppressed (it is an error); AF0016 beside it says what to write.</summary>
    [Fact]
    public Task A_send_of_a_type_that_is_not_an_event() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            public sealed record OrderPlaced(string OrderId);
            public static class Checkout
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Place(IEventSender sender) => sender.SendAsync(new OrderPlaced("1")); // expect: AF0016, CS0311
            }
            """);

    [Fact]
    public Task A_service_as_a_handler_parameter() =>
        MistakeBuild.AssertAsync(Prelude + """
            public interface IMailer { }
            public sealed class Welcome
            {
                [OnEvent("shop/order.placed")] public Task Send(OrderPlaced order, IMailer mailer) => Task.CompletedTask; // expect: AF0004
            }
            """);

    [Fact]
    public Task A_handler_without_a_payload_or_with_a_wrong_return_type() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Reserve(System.Threading.CancellationToken ct) { } // expect: AF0004
                [OnEvent("shop/order.placed")] public static Task<int> Count(OrderPlaced order) => Task.FromResult(1); // expect: AF0004
                [OnEvent("shop/order.placed")] public static void Track(ref OrderPlaced order) { } // expect: AF0004
            }
            """);

    [Fact]
    public Task Handlers_that_cannot_be_created_or_called() =>
        MistakeBuild.AssertAsync(Prelude + """
            public abstract class Base
            {
                [OnEvent("shop/order.placed")] public void Reserve(OrderPlaced order) { } // expect: AF0008
            }
            public struct Value
            {
                [OnEvent("shop/order.placed")] public void Track(OrderPlaced order) { } // expect: AF0008
            }
            public static class Generic<T>
            {
                [OnEvent("shop/order.placed")] public static void Audit(OrderPlaced order) { } // expect: AF0008
            }
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Log<T>(OrderPlaced order) { } // expect: AF0008
            }
            public class Shared
            {
                [OnEvent("shop/order.placed")] protected internal static void Reserve(OrderPlaced order) { }
            }
            """);

    [Fact]
    public Task A_handler_in_a_private_nested_class() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Outer
            {
                private static class Handlers
                {
                    [OnEvent("shop/order.placed")] public static void Reserve(OrderPlaced order) { } // expect: AF0008
                }
            }
            """);

    [Fact]
    public Task An_invalid_name_in_OnEvent_and_an_unknown_event_without_suggestion() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop order placed")] public static void Reserve(OrderPlaced order) { } // expect: AF0005
                [OnEvent("billing/refund.issued")] public static void Refund(OrderPlaced order) { } // expect: AF0002
            }
            """);

    [Fact]
    public Task An_invalid_derived_Id_and_bad_settings() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Café
            {
                [OnEvent("shop/order.placed")] public static void Reserve(OrderPlaced order) { } // expect: AF0006
                [OnEvent("shop/order.placed", Id = "audit", TimeoutSeconds = 0)] public static void Audit(OrderPlaced order) { } // expect: AF0010
                [OnEvent("shop/order.placed", Id = "track", Concurrency = 0)] public static void Track(OrderPlaced order) { } // expect: AF0010
            }
            """);

    [Fact]
    public Task A_blank_resilience_pipeline_name() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop/order.placed", Pipeline = " ")] public static void Charge(OrderPlaced order) { } // expect: AF0020
            }
            """);

    [Fact]
    public Task A_payload_type_mismatch_through_the_envelope() =>
        MistakeBuild.AssertAsync(Prelude + """
            [Event("shop/order.paid")] public sealed partial record OrderPaid(string OrderId);
            public static class Handlers
            {
                [OnEvent("shop/order.paid")] public static void Thank(Event<OrderPlaced> order) { } // expect: AF0003
            }
            """);

    [Fact]
    public Task An_event_type_in_a_containing_type_that_is_not_partial() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            public static class Events
            {
                [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId); // expect: AF0009
            }
            """);

    [Fact]
    public Task A_null_event_name() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event(null!)] public sealed partial record OrderPlaced(string OrderId); // expect: AF0005
            public static class Sender
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Send(IEventSender sender) => sender.SendAsync(new OrderPlaced("1"));
            }
            """);

    [Fact]
    public Task A_send_of_an_event_type_that_is_not_partial_gets_AF0009_on_the_type() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed record OrderPlaced(string OrderId); // expect: AF0009
            public static class Sender
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Send(IEventSender sender) => sender.SendAsync(new OrderPlaced("1")); // expect: CS0311
            }
            """);

    [Fact]
    public Task SendManyAsync_of_a_type_that_is_not_an_event() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            public sealed class OrderPlaced { }
            public static class Sender
            {
                public static System.Threading.Tasks.ValueTask<System.Collections.Generic.IReadOnlyList<SendResult>> Send(IEventSender sender) =>
                    sender.SendManyAsync(new[] { new OrderPlaced() }); // expect: AF0016, CS0311
            }
            """);

    [Fact]
    public Task OnEvent_on_a_property_accessor() =>
        MistakeBuild.AssertAsync(Prelude + """
            public sealed class Settings
            {
                public OrderPlaced? Last { get; [OnEvent("shop/order.placed")] set; } // expect: AF0015
            }
            """);

    /// <summary>The compiler warns at the user's parameter (Event's T is notnull); the generated call adds nothing.</summary>
    [Fact]
    public Task An_envelope_of_a_nullable_payload() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static async Task Wrapped(Event<OrderPlaced?> order) => await Task.Yield(); // expect: CS8714
            }
            """);

    [Fact]
    public Task An_event_name_with_XML_and_string_special_characters() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("a<b> & \"c\"")] public sealed partial record OrderPlaced(string OrderId); // expect: AF0005
            public static class Sender
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Send(IEventSender sender) => sender.SendAsync(new OrderPlaced("1"));
            }
            """);

    [Fact]
    public Task A_handler_class_whose_constructor_takes_a_private_nested_type() =>
        MistakeBuild.AssertAsync(Prelude + """
            public sealed class Stock
            {
                private interface IStore { }
                public Stock(IStore store) { } // expect: CS0051
                [OnEvent("shop/order.placed")] public void Reserve(OrderPlaced order) { } // expect: AF0013
            }
            """);

    [Fact]
    public Task Attributes_written_on_both_halves_of_a_partial_declaration() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            [Event("shop/order.placed")] public sealed partial record OrderPlaced; // expect: CS0579
            public static partial class Handlers
            {
                [OnEvent("shop/order.placed")] public static partial void Reserve(OrderPlaced order);
                [OnEvent("shop/order.placed")] public static partial void Reserve(OrderPlaced order) { }
            }
            """);

    [Fact]
    public Task Handlers_of_events_whose_type_is_rejected() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed record OrderPlaced(string OrderId); // expect: AF0009
            [Event("shop/order.paid")] public static partial class OrderPaid { } // expect: AF0009
            public partial class Outer
            {
                [Event("shop/order.secret")] private sealed partial record Secret(string Value); // expect: AF0014
                [OnEvent("shop/order.secret")] private static void Keep(Secret secret) { } // expect: AF0008
            }
            [Event("shop order shipped")] public sealed partial record OrderShipped(string OrderId); // expect: AF0005
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Reserve(OrderPlaced order) { }
                [OnEvent("shop order shipped")] public static void Ship(OrderShipped order) { } // expect: AF0005
                [OnEvent("shop/order.shipped")] public static void Track(OrderShipped order) { } // expect: AF0002
            }
            """);
}
