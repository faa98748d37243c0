using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AttrFanout.Generators.Tests.CodeFixes;

/// <summary>AF0016: the fix declares the sent type as an event. The generator does not run here, so CS0311 stays in the fixed code.</summary>
public sealed class DeclareEventCodeFixTests
{
    [Fact]
    public Task Adds_Event_with_a_kebab_case_name_and_partial() =>
        FanoutVerifier.FixAsync<SendAnalyzer, DeclareEventCodeFix>(
            """
            using AttrFanout;

            namespace Shop;

            public sealed record OrderPlaced(string OrderId);

            public static class Checkout
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Place(IEventSender sender) => sender.{|AF0016:{|CS0311:SendAsync|}|}(new OrderPlaced("1"));
            }
            """,
            """
            using AttrFanout;

            namespace Shop;

            [Event("order-placed")]
            public sealed partial record OrderPlaced(string OrderId);

            public static class Checkout
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Place(IEventSender sender) => sender.{|CS0311:SendAsync|}(new OrderPlaced("1"));
            }
            """);

    [Fact]
    public Task Keeps_other_attributes_makes_containing_types_partial_and_adds_the_using() =>
        FanoutVerifier.FixAsync<SendAnalyzer, DeclareEventCodeFix>(
            """
            namespace Shop
            {
                public static class Events
                {
                    [System.Serializable]
                    public class UserSignedUp { }
                }

                public static class Signup
                {
                    public static System.Threading.Tasks.ValueTask<AttrFanout.SendResult> Run(AttrFanout.IEventSender sender) =>
                        sender.{|AF0016:{|CS0311:SendAsync|}|}(new Events.UserSignedUp());
                }
            }
            """,
            """
            using AttrFanout;

            namespace Shop
            {
                public static partial class Events
                {
                    [Event("user-signed-up")]
                    [System.Serializable]
                    public partial class UserSignedUp { }
                }

                public static class Signup
                {
                    public static System.Threading.Tasks.ValueTask<AttrFanout.SendResult> Run(AttrFanout.IEventSender sender) =>
                        sender.{|CS0311:SendAsync|}(new Events.UserSignedUp());
                }
            }
            """);

    [Fact]
    public async Task Fixes_the_type_in_the_file_that_declares_it()
    {
        var test = new CSharpCodeFixTest<SendAnalyzer, DeclareEventCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.Sources.Add(("Checkout.cs", """
            using AttrFanout;

            public static class Checkout
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Place(IEventSender sender) => sender.{|AF0016:{|CS0311:SendAsync|}|}(new OrderPlaced("1"));
            }
            """));
        test.TestState.Sources.Add(("OrderPlaced.cs", """
            public sealed record OrderPlaced(string OrderId);
            """));
        test.FixedState.Sources.Add(("Checkout.cs", """
            using AttrFanout;

            public static class Checkout
            {
                public static System.Threading.Tasks.ValueTask<SendResult> Place(IEventSender sender) => sender.{|CS0311:SendAsync|}(new OrderPlaced("1"));
            }
            """));
        test.FixedState.Sources.Add(("OrderPlaced.cs", """
            using AttrFanout;

            [Event("order-placed")]
            public sealed partial record OrderPlaced(string OrderId);
            """));
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        await test.RunAsync();
    }
}
