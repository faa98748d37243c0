using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>A method with several triggers generates one descriptor per trigger, all with the function's Id.</summary>
public sealed class SeveralTriggersSourceTests
{
    private const string Source = """
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;

        namespace Users;

        public interface IUserEvent { string UserId { get; } }

        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId) : IUserEvent;
        [Event("user/reactivated")] public sealed partial record UserReactivated(string UserId, int DaysAway) : IUserEvent;
        [Event("audit/x")] public sealed partial record Audited(string What);

        public static class Greetings
        {
            [OnEvent("user/signup", Id = "greet", Retries = 2)]
            [OnEvent("user/reactivated", When = nameof(IsNew))]
            public static Task Greet(IUserEvent user, FunctionContext context) => Task.CompletedTask;

            internal static bool IsNew(IUserEvent user) => user.UserId.Length > 0;
        }

        public sealed class Housekeeping
        {
            [OnEvent("audit/x")]
            [OnSchedule("0 * * * *", TimeZone = "Europe/Paris")]
            public void Tidy(FunctionContext context, CancellationToken cancellationToken) { }

            [OnEvent("user/signup", Id = "log-anything")]
            [OnEvent("audit/x")]
            public ValueTask Log(object payload) => default;
        }
        """;

    [Fact]
    public void Each_trigger_gets_a_descriptor_with_the_function_Id_typed_by_the_handler_payload()
    {
        var (output, result) = TestCompilation.RunGenerator(TestCompilation.Create("Users", Source));

        TestCompilation.AssertNoErrors(output);
        Snapshot.Match("SeveralTriggers", result);
    }

    [Fact]
    public void A_function_Id_shared_by_two_handlers_or_a_set_with_a_conflict_is_left_to_the_analyzers()
    {
        var input = TestCompilation.Create("Broken", """
            using AttrFanout;

            namespace Broken;

            [Event("a/one")] public sealed partial record One(string Id);
            [Event("a/two")] public sealed partial record Two(string Id);

            public static class Handlers
            {
                [OnEvent("a/one", Id = "first")] [OnEvent("a/two", Id = "second")] public static void TwoIds(object payload) { }
                [OnEvent("a/one", Id = "envelope")] [OnEvent("a/two")] public static void Envelope(Event<One> one) { }
                [OnEvent("a/one", Id = "retries", Retries = 1)] [OnEvent("a/two", Retries = 2)] public static void Retries() { }
                [OnEvent("a/one", Id = "fine")] [OnEvent("a/two")] public static void Fine() { }
            }
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Equal(2, CountOf(module, "FanoutFunctionAttribute(\"fine\", "));
        Assert.Equal(2, CountOf(module, "new global::AttrFanout.FunctionDescriptor<object>("));
        foreach (var skipped in new[] { "first", "second", "envelope", "retries" })
        {
            Assert.DoesNotContain($"\"{skipped}\"", module, StringComparison.Ordinal);
        }
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
