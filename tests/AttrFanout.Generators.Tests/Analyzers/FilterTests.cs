using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0037: <c>[OnEvent(When = ...)]</c> names a static bool method of the function's class taking the payload.</summary>
public sealed class FilterTests
{
    private const string Prelude = """
        using AttrFanout;
        public interface IHasTotal { decimal Total { get; } }
        [Event("shop/order.placed")] public sealed partial record OrderPlaced(string Id, decimal Total) : IHasTotal;

        """;

    [Fact]
    public Task A_missing_or_wrongly_shaped_filter_is_reported_on_the_argument() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public sealed class Orders
            {
                [OnEvent("shop/order.placed", Id = "a", When = {|#0:"IsHuge"|})] public static void A(OrderPlaced order) { }
                [OnEvent("shop/order.placed", Id = "b", When = {|#1:nameof(Total)|})] public static void B(OrderPlaced order) { }
                [OnEvent("shop/order.placed", Id = "c", When = {|#2:nameof(IsMine)|})] public static void C(OrderPlaced order) { }
                [OnEvent("shop/order.placed", Id = "d", When = {|#3:nameof(Hidden)|})] public static void D(OrderPlaced order) { }

                private static decimal Total(OrderPlaced order) => order.Total;
                internal bool IsMine(OrderPlaced order) => true;
                private static bool Hidden(OrderPlaced order) => true;
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidFilterMethod, 0).WithArguments("IsHuge", "Orders.A", "'Orders' has no method 'IsHuge'", "OrderPlaced", "Orders"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidFilterMethod, 1).WithArguments("Total", "Orders.B", "it returns decimal", "OrderPlaced", "Orders"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidFilterMethod, 2).WithArguments("IsMine", "Orders.C", "it is not static", "OrderPlaced", "Orders"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidFilterMethod, 3).WithArguments("Hidden", "Orders.D", "it is private, so generated code cannot call it; make it internal or public", "OrderPlaced", "Orders"),
            ]);

    [Fact]
    public Task A_static_bool_method_over_the_payload_or_a_base_of_it_stays_silent() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Orders
            {
                [OnEvent("shop/order.placed", Id = "a", When = nameof(IsLarge))] public static void A(OrderPlaced order) { }
                [OnEvent("shop/order.placed", Id = "b", When = nameof(HasTotal))] public static void B(Event<OrderPlaced> order) { }

                internal static bool IsLarge(OrderPlaced order) => order.Total > 1_000;
                public static bool HasTotal(IHasTotal order) => order.Total > 0;
            }
            """);
}
