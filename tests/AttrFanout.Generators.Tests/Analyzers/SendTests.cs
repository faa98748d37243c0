using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0016: a send of a type that is not an <c>[Event]</c> payload says to add <c>[Event]</c>, beside the compiler's CS0311.</summary>
public sealed class SendTests
{
    [Fact]
    public Task Fires_at_SendAsync_and_SendManyAsync_of_a_plain_type() => Verify("""
        using System.Threading.Tasks;
        using AttrFanout;
        public sealed record {|#2:OrderPlaced|}(string OrderId);
        public static class Checkout
        {
            public static async Task Place(IEventSender sender, OrderPlaced order)
            {
                await sender.{|#0:{|CS0311:SendAsync|}|}(order);
                await sender.{|#1:{|CS0311:SendManyAsync|}|}(new[] { order });
            }
        }
        """,
        new DiagnosticResult(Descriptors.SentTypeNotEvent).WithLocation(0).WithLocation(2).WithArguments("OrderPlaced"),
        new DiagnosticResult(Descriptors.SentTypeNotEvent).WithLocation(1).WithLocation(2).WithArguments("OrderPlaced"));

    [Fact]
    public Task Stays_silent_for_event_payloads_and_generic_senders() => Verify("""
        using System.Threading.Tasks;
        using AttrFanout;
        public sealed record OrderPlaced(string OrderId) : IEventPayload
        {
            public static string EventName => "shop/order.placed";
        }
        public static class Checkout
        {
            public static async Task Place(IEventSender sender, OrderPlaced order) => await sender.SendAsync(order);
            public static async Task Forward<T>(IEventSender sender, T payload) where T : notnull, IEventPayload => await sender.SendAsync(payload);
        }
        """);

    [Fact]
    public Task Leaves_an_event_type_that_is_not_partial_to_AF0009() => Verify("""
        using System.Threading.Tasks;
        using AttrFanout;
        [Event("shop/order.placed")] public sealed record OrderPlaced(string OrderId);
        public static class Checkout
        {
            public static async Task Place(IEventSender sender, OrderPlaced order) => await sender.{|CS0311:SendAsync|}(order);
        }
        """);

    private static Task Verify(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<SendAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
