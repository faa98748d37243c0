using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

/// <summary>AF0004: the fix moves a service parameter of an instance handler to its class's primary constructor.</summary>
public sealed class MoveServiceToConstructorCodeFixTests
{
    private const string Prelude = """
        using System.Threading.Tasks;
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
        public interface IMailer { Task Send(string to); }
        public interface IClock { }

        """;

    [Fact]
    public Task Adds_a_primary_constructor() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, MoveServiceToConstructorCodeFix>(
            Prelude + """
            public sealed class Welcome
            {
                [OnEvent("user/signup")]
                public Task {|AF0004:Send|}(UserSignedUp signup, IMailer mailer) => mailer.Send(signup.UserId);
            }
            """,
            Prelude + """
            public sealed class Welcome(IMailer mailer)
            {
                [OnEvent("user/signup")]
                public Task Send(UserSignedUp signup) => mailer.Send(signup.UserId);
            }
            """);

    [Fact]
    public Task Extends_an_existing_primary_constructor() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, MoveServiceToConstructorCodeFix>(
            Prelude + """
            public sealed class Welcome(IClock clock) : object
            {
                public IClock Clock => clock;

                [OnEvent("user/signup")]
                public Task {|AF0004:Send|}(IMailer mailer, UserSignedUp signup) => mailer.Send(signup.UserId);
            }
            """,
            Prelude + """
            public sealed class Welcome(IClock clock, IMailer mailer) : object
            {
                public IClock Clock => clock;

                [OnEvent("user/signup")]
                public Task Send(UserSignedUp signup) => mailer.Send(signup.UserId);
            }
            """);

    [Fact]
    public Task Is_not_offered_for_static_handlers_or_classes_with_constructors() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, MoveServiceToConstructorCodeFix>(
            Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static Task {|AF0004:Send|}(UserSignedUp signup, IMailer mailer) => mailer.Send(signup.UserId);
            }
            public sealed class Welcome
            {
                public Welcome() { }
                [OnEvent("user/signup", Id = "welcome")] public Task {|AF0004:Send|}(UserSignedUp signup, IMailer mailer) => mailer.Send(signup.UserId);
            }
            """,
            Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static Task {|AF0004:Send|}(UserSignedUp signup, IMailer mailer) => mailer.Send(signup.UserId);
            }
            public sealed class Welcome
            {
                public Welcome() { }
                [OnEvent("user/signup", Id = "welcome")] public Task {|AF0004:Send|}(UserSignedUp signup, IMailer mailer) => mailer.Send(signup.UserId);
            }
            """);
}
