using AttrFanout.EndToEnd.Tests.Infrastructure;

namespace AttrFanout.EndToEnd.Tests.Apps;

/// <summary>One event, three functions: static, instance with a constructor dependency, and envelope + context + token.</summary>
internal static class ConsoleApp
{
    public static readonly string[] FunctionIds = ["track-signup", "send-welcome", "audit-signup"];

    public static SourceFile[] Sources => [Program, Functions, Tally.In("SignupApp")];

    private static readonly SourceFile Program = new("Program.cs", """
        using AttrFanout;
        using Microsoft.Extensions.DependencyInjection;
        using SignupApp;

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Tally.Shared)
            .AddSingleton<Greeter>()
            .AddAttrFanout()
            .BuildServiceProvider();

        var result = await services.GetRequiredService<IEventSender>().SendAsync(new UserSignedUp("u-42"));
        Console.WriteLine($"runs: {result.RunIds.Count}");
        return await Tally.Shared.WaitForAsync(3, TimeSpan.FromSeconds(60));
        """);

    private static readonly SourceFile Functions = new("Functions.cs", """
        using AttrFanout;
        using Microsoft.Extensions.DependencyInjection;

        namespace SignupApp;

        [Event("user/signup")]
        public sealed partial record UserSignedUp(string UserId);

        public sealed class Greeter
        {
            public string Greet(string userId) => $"welcome {userId}";
        }

        public static class Analytics
        {
            [OnEvent("user/signup", Id = "track-signup")]
            public static void Track(UserSignedUp signup) => Tally.Shared.Ran("track-signup");
        }

        public sealed class Welcome(Greeter greeter, Tally tally)
        {
            [OnEvent("user/signup", Id = "send-welcome")]
            public Task Send(UserSignedUp signup)
            {
                Console.WriteLine(greeter.Greet(signup.UserId));
                tally.Ran("send-welcome");
                return Task.CompletedTask;
            }
        }

        public static class Audit
        {
            [OnEvent("user/signup", Id = "audit-signup")]
            public static async ValueTask Record(Event<UserSignedUp> signup, FunctionContext context, CancellationToken cancellationToken)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                Console.WriteLine($"audit saw {signup.Name} {signup.Data.UserId}");
                context.Services.GetRequiredService<Tally>().Ran(context.FunctionId);
            }
        }
        """);
}
