using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>The compilation-end checks against the metadata the generator writes into referenced projects.</summary>
public sealed class CrossProjectTests
{
    private static readonly Lazy<MetadataReference> Library = new(() =>
    {
        var input = TestCompilation.Create("Shop.Library", """
            using AttrFanout;
            namespace Shop.Library;
            [Event("order/placed")] public sealed partial record OrderPlaced(int Number);
            public static class Billing
            {
                [OnEvent("order/placed", Id = "charge-card")] public static void Charge(OrderPlaced placed) { }
            }
            """);
        return TestCompilation.ToReference(TestCompilation.RunGenerator(input).Output);
    });

    [Fact]
    public Task AF0001_fires_for_an_Id_used_by_a_referenced_project() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            using Shop.Library;
            public static class Payments
            {
                [OnEvent("order/placed", Id = {|#0:"charge-card"|})] public static void Charge(OrderPlaced placed) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.DuplicateFunctionId, 0).WithArguments("charge-card", "Payments.Charge", "'Shop.Library.Billing.Charge' in 'Shop.Library'")],
            Library.Value);

    [Fact]
    public Task AF0001_fires_for_a_derived_Id_used_by_a_referenced_project() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            using Shop.Library;
            public static class Charge
            {
                [OnEvent("order/placed")] public static void {|AF0001:Card|}(OrderPlaced placed) { }
            }
            """,
            Library.Value);

    [Fact]
    public Task AF0002_and_AF0001_stay_silent_for_an_event_declared_only_in_a_referenced_project() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            using Shop.Library;
            public static class Shipping
            {
                [OnEvent("order/placed")] public static void Reserve(OrderPlaced placed) { }
                [OnEvent("order/placed", Id = "charge-card-2")] public static void Charge(Event<OrderPlaced> placed) { }
            }
            """,
            Library.Value);

    [Fact]
    public Task AF0002_suggests_a_name_declared_in_a_referenced_project() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            using Shop.Library;
            public static class Shipping
            {
                [OnEvent({|#0:"order/placd"|})] public static void Reserve(OrderPlaced placed) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.UnknownEvent, 0).WithArguments("order/placd", "Shipping.Reserve", "did you mean 'order/placed'?")],
            Library.Value);

    [Fact]
    public Task AF0003_fires_against_the_type_of_a_referenced_event() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            public sealed record Order(int Number);
            public static class Shipping
            {
                [OnEvent("order/placed")] public static void Reserve({|#0:Order|} order) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 0).WithArguments("Shipping.Reserve", "Order", "order/placed", "Shop.Library.OrderPlaced", "take 'Shop.Library.OrderPlaced' or Event<Shop.Library.OrderPlaced>")],
            Library.Value);

    [Fact]
    public Task AF0007_fires_when_this_project_redeclares_a_referenced_event() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event({|#0:"order/placed"|})] public sealed partial record MyOrderPlaced(int Number);
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EventDeclaredTwice, 0).WithArguments("order/placed", "MyOrderPlaced", "'Shop.Library.OrderPlaced' in 'Shop.Library'")],
            Library.Value);

    [Fact]
    public Task The_runtime_declares_attrfanout_function_failed_with_its_payload_type() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            public static class Alerts
            {
                [OnEvent("attrfanout/function.failed")] public static void Page(FunctionFailed failed) { }
                [OnEvent("attrfanout/function.failed")] public static void Log({|AF0003:string|} failed) { }
                [OnEvent({|#0:"attrfanout/function.faild"|})] public static void Typo(FunctionFailed failed) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.UnknownEvent, 0).WithArguments("attrfanout/function.faild", "Alerts.Typo", "did you mean 'attrfanout/function.failed'?")]);
}
