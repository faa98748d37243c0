using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Mistakes;

/// <summary>Legal programs a new user writes: each builds with the generator and analyzers without a single warning.</summary>
public sealed class LegalProgramTests
{
    private const string Sends = """
        public static class Sender
        {
            public static async System.Threading.Tasks.Task Send(AttrFanout.IEventSender sender, OrderPlaced order)
            {
                await sender.SendAsync(order);
                await sender.SendManyAsync(new[] { order });
            }
        }
        """;

    [Fact]
    public Task A_keyword_namespace_segment_builds_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            namespace Shop.@event;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Reserve(OrderPlaced order) { }
            }
            """ + Sends);

    [Fact]
    public Task Keyword_and_unicode_type_and_method_names_build_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            namespace Café.@class.Ünïcode;
            public static partial class @static
            {
                [Event("shop/order.placed")] public sealed partial record @record(string Id);
                [Event("shop/order.paid")] public sealed partial record Bestellung(string Id);
            }
            public sealed class @public
            {
                [OnEvent("shop/order.placed", Id = "reserve")] public void @event(@static.@record order) { }
                [OnEvent("shop/order.paid", Id = "thank")] public static void Danke(@static.Bestellung order) { }
            }
            """);

    [Fact]
    public Task An_implemented_partial_method_is_one_handler() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            public static partial class Handlers
            {
                [OnEvent("shop/order.placed")] public static partial void Reserve(OrderPlaced order);
                public static partial void Reserve(OrderPlaced order) { }
            }
            """);

    [Fact]
    public Task An_event_record_deriving_from_an_event_record_builds_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public partial record OrderPlaced(string OrderId);
            [Event("shop/order.placed.express")] public sealed partial record ExpressOrderPlaced(string OrderId, int Hours) : OrderPlaced(OrderId);
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Reserve(OrderPlaced order) { }
                [OnEvent("shop/order.placed.express")] public static void Rush(ExpressOrderPlaced order) { }
            }
            """ + Sends);

    [Fact]
    public Task A_payload_member_named_EventName_builds_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("audit/recorded")] public sealed partial record AuditRecorded(string EventName, string By);
            public static class Handlers
            {
                [OnEvent("audit/recorded")] public static void Store(AuditRecorded audit) { }
            }
            public static class Sender
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Send(IEventSender sender) => sender.SendAsync(new AuditRecorded("x", "y"));
            }
            """);

    [Fact]
    public Task Handlers_with_services_in_the_constructor_build_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            using System.Diagnostics.CodeAnalysis;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            public interface IStock { }
            public sealed class Stock(IStock stock)
            {
                public IStock Service => stock;
                [OnEvent("shop/order.placed")] public void Reserve(OrderPlaced order) { }
            }
            public sealed class Audit
            {
                public required string Name { get; init; }
                [SetsRequiredMembers] public Audit() { Name = "audit"; }
                [OnEvent("shop/order.placed")] public void Record(OrderPlaced order) { }
            }
            """ + Sends);

    [Fact]
    public Task OnEvent_on_the_implementing_half_of_a_partial_method_is_one_handler() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            public static partial class Handlers
            {
                public static partial void Reserve(OrderPlaced order);
                [OnEvent("shop/order.placed")] public static partial void Reserve(OrderPlaced order) { }
            }
            """ + Sends);

    [Fact]
    public Task An_assembly_name_with_keywords_dashes_and_Unicode_builds_clean() =>
        MistakeBuild.AssertAsync("Café.class.My-App.2", """
            using AttrFanout;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Reserve(OrderPlaced order) { }
            }
            """ + Sends);

    [Fact]
    public Task Events_and_handlers_nested_in_partial_types_build_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            namespace Shop.Orders;
            public static partial class Events
            {
                public partial class Billing
                {
                    [Event("billing/invoice.paid")] public readonly partial record struct InvoicePaid(string InvoiceId);
                }
            }
            public static class Handlers
            {
                public static class Billing
                {
                    [OnEvent("billing/invoice.paid", Id = "thank")] public static void Thank(Event<Events.Billing.InvoicePaid> paid) { }
                }
            }
            public static class Sender
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Send(IEventSender sender) => sender.SendAsync(new Events.Billing.InvoicePaid("i"));
            }
            """);

    [Fact]
    public Task Event_types_whose_names_differ_only_in_case_build_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            namespace Shop;
            #pragma warning disable CS8981
            [Event("shop/order.placed")] public sealed partial record Order(string OrderId);
            [Event("shop/order.noted")] public sealed partial record order(string Note);
            #pragma warning restore CS8981
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Reserve(Order order) { }
                [OnEvent("shop/order.noted")] public static void Note(order note) { }
            }
            """);

    [Fact]
    public Task Nullable_payloads_extension_methods_and_record_handler_classes_build_clean() =>
        MistakeBuild.AssertAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using AttrFanout;
            [Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            public interface IStock { }
            public static class Extensions
            {
                [OnEvent("shop/order.placed", Id = "extension")] public static void Reserve(this OrderPlaced order) { }
                [OnEvent("shop/order.placed", Id = "nullable")] public static ValueTask Maybe(OrderPlaced? order, CancellationToken ct = default) => default;
            }
            public sealed record Stock(IStock Service)
            {
                [OnEvent("shop/order.placed", Id = "record")] public void Reserve(OrderPlaced order) { }
            }
            public sealed partial class Split
            {
                [OnEvent("shop/order.placed", Id = "split-a")] public static void A(OrderPlaced order) { }
            }
            public sealed partial class Split
            {
                [OnEvent("shop/order.placed", Id = "split-b")] public static void B(OrderPlaced order) { }
            }
            """);

    [Fact]
    public Task Payload_members_with_keyword_and_Unicode_names_build_clean() =>
        MistakeBuild.AssertAsync("""
            using System.Collections.Generic;
            using AttrFanout;
            namespace Shop.@event;
            [Event("odd/members")]
            public sealed partial record Odd(string @class, int Ünïcode)
            {
                public string @event { get; init; } = "";
                public required int @int { get; set; }
                public @record? Nested { get; set; }
                public List<@record> Many { get; set; } = [];
                public Dictionary<string, @record> ByName { get; set; } = [];
            }
            #pragma warning disable CS8981
            public sealed class @record { public string @string { get; set; } = ""; public @record? @this { get; set; } }
            #pragma warning restore CS8981
            public static class Handlers
            {
                [OnEvent("odd/members")] public static void Read(Odd odd) { }
            }
            """);

    [Fact]
    public Task An_event_record_deriving_from_an_event_record_of_a_referenced_library_builds_clean()
    {
        var library = TestCompilation.RunGenerator(TestCompilation.Create(
            "Shop.Contracts",
            "namespace Shop.Contracts; [AttrFanout.Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);")).Output;

        return MistakeBuild.AssertAsync(
            """
            using AttrFanout;
            [Event("shop/order.placed.express")] public sealed partial record ExpressOrderPlaced(string OrderId, int Hours) : Shop.Contracts.OrderPlaced(OrderId);
            public static class Handlers
            {
                [OnEvent("shop/order.placed.express")] public static void Rush(ExpressOrderPlaced order) { }
            }
            """,
            TestCompilation.ToReference(library));
    }
}
