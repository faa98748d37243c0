using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Generator;

public sealed class GeneratedSourceTests
{
    [Fact]
    public void Events_and_every_handler_shape_generate_the_expected_sources()
    {
        var input = TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        Snapshot.Match("EveryHandlerShape", result);
    }

    [Fact]
    public void Scheduled_functions_subscribe_to_their_tick_event_and_carry_their_schedule()
    {
        var input = TestCompilation.Create("Jobs", """
            using System.Threading;
            using System.Threading.Tasks;
            using AttrFanout;

            namespace Jobs;

            public sealed class Digest
            {
                [OnSchedule("0 9 * * MON-FRI", TimeZone = "Europe/Paris", Id = "daily-digest", Retries = 2)]
                public Task SendAsync(ScheduledTick tick, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public static class Heartbeat
            {
                [OnSchedule("*/10 * * * * *", CatchUp = true)]
                [Singleton]
                public static void Beat(FunctionContext context) { }
            }
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        Snapshot.Match("Schedules", result);
    }

    [Fact]
    public void A_filtered_function_carries_a_typed_filter_calling_its_method()
    {
        var input = TestCompilation.Create("Shop", """
            using AttrFanout;

            namespace Shop;

            public interface IHasTotal { decimal Total { get; } }

            [Event("shop/order.placed")]
            public sealed partial record OrderPlaced(string Id, decimal Total) : IHasTotal;

            public static class Orders
            {
                [OnEvent("shop/order.placed", Id = "review-large-order", When = nameof(IsLarge))]
                public static void Review(OrderPlaced order) { }

                [OnEvent("shop/order.placed", Id = "thank-paying-customer", When = nameof(Paid))]
                public static void Thank(Event<OrderPlaced> order) { }

                internal static bool IsLarge(OrderPlaced order) => order.Total > 1_000;

                internal static bool Paid(IHasTotal order) => order.Total > 0;
            }
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        Snapshot.Match("Filters", result);
    }

    [Fact]
    public void An_app_composes_the_module_of_a_referenced_library()
    {
        var library = TestCompilation.RunGenerator(TestCompilation.Create("Shop.Functions", Scenarios.Events, Scenarios.Handlers)).Output;
        var app = TestCompilation.Create(
            "Shop.App",
            [
                """
                using AttrFanout;
                using Shop.Events;

                namespace Shop.App;

                public static class Audit
                {
                    [OnEvent("user/signup", Id = "audit-signup")]
                    public static void Record(UserSignedUp signup) { }
                }
                """,
            ],
            [TestCompilation.ToReference(library)]);

        var (output, result) = TestCompilation.RunGenerator(app);

        TestCompilation.AssertNoErrors(output);
        Snapshot.Match("ReferencedLibrary", result);
    }

    [Fact]
    public void An_app_without_functions_still_composes_its_references()
    {
        var library = TestCompilation.RunGenerator(TestCompilation.Create("Shop.Functions", Scenarios.Events, Scenarios.Handlers)).Output;
        var app = TestCompilation.Create("Shop.Host", ["public static class Program { }"], [TestCompilation.ToReference(library)]);

        var (output, result) = TestCompilation.RunGenerator(app);

        TestCompilation.AssertNoErrors(output);
        Snapshot.Match("ReferencesOnly", result);
    }

    [Fact]
    public void A_project_that_sees_a_referenced_AddAttrFanout_through_InternalsVisibleTo_does_not_emit_its_own()
    {
        var app = TestCompilation.RunGenerator(TestCompilation.Create(
            "Shop",
            Scenarios.Events,
            Scenarios.Handlers,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.Tests\")]")).Output;
        var tests = TestCompilation.Create(
            "Shop.Tests",
            [
                """
                using Microsoft.Extensions.DependencyInjection;

                public static class Fixture
                {
                    public static IServiceCollection Configure(IServiceCollection services) => services.AddAttrFanout();
                }
                """,
            ],
            [TestCompilation.ToReference(app)]);

        var (output, result) = TestCompilation.RunGenerator(tests);

        TestCompilation.AssertNoErrors(output);
        Assert.DoesNotContain(result.GeneratedTrees, static t => t.FilePath.EndsWith("AttrFanoutServiceCollectionExtensions.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_handlers_are_left_to_the_analyzers_and_the_rest_still_compiles()
    {
        var input = TestCompilation.Create("Broken", Scenarios.Events, """
            using System.Threading.Tasks;
            using AttrFanout;
            using Shop.Events;

            public static class Handlers
            {
                [OnEvent("user/signup", Id = "fine")] public static void Fine(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "returns-int")] public static int ReturnsInt(UserSignedUp signup) => 0;
                [OnEvent("user/signup", Id = "two-payloads")] public static void TwoPayloads(UserSignedUp a, UserSignedUp b) { }
                [OnEvent("not a name", Id = "bad-event")] public static void BadEvent(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "Bad Id")] public static void BadId(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "negative", Retries = -2)] public static void Negative(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "private")] private static void Private(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "generic")] public static void Generic<T>(UserSignedUp signup) { }
            }

            [Event("not/partial")] public sealed record NotPartial(string Value);
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("\"fine\"", module, StringComparison.Ordinal);
        foreach (var skipped in new[] { "returns-int", "two-payloads", "bad-event", "Bad Id", "negative", "private", "generic", "not/partial" })
        {
            Assert.DoesNotContain($"\"{skipped}\"", module, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_project_without_the_runtime_gets_no_generated_code()
    {
        var input = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoRuntime",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class C { }", TestCompilation.ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All);

        var (_, result) = TestCompilation.RunGenerator(input);

        Assert.Empty(result.GeneratedTrees);
    }
}
