using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0013: an instance handler's class must be creatable by the generated registration.</summary>
public sealed class CreatableHandlerTests
{
    private const string Prelude = """
        using System.Diagnostics.CodeAnalysis;
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
        public interface IMailer { }

        """;

    [Fact]
    public Task Fires_for_a_class_without_a_public_constructor() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public sealed class Welcome
            {
                internal Welcome() { }
                [OnEvent("user/signup")] public void {|#0:Send|}(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.HandlerClassNotCreatable, 0).WithArguments("Welcome.Send", "Welcome", "it has no public constructor")]);

    [Fact]
    public Task Fires_for_a_required_member_the_constructor_does_not_set() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public class Base { public required IMailer Mailer { get; init; } }
            public sealed class Welcome : Base
            {
                [OnEvent("user/signup")] public void {|#0:Send|}(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.HandlerClassNotCreatable, 0).WithArguments(
                "Welcome.Send",
                "Welcome",
                "its required member 'Mailer' is not set by its constructor, and dependency injection does not set members")]);

    [Fact]
    public Task Stays_silent_for_constructor_injection_SetsRequiredMembers_and_static_handlers() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public sealed class Welcome(IMailer mailer)
            {
                public IMailer Mailer => mailer;
                [OnEvent("user/signup", Id = "welcome")] public void Send(UserSignedUp signup) { }
            }
            public sealed class Audit
            {
                [SetsRequiredMembers] public Audit() { Name = "audit"; }
                public required string Name { get; init; }
                [OnEvent("user/signup", Id = "audit")] public void Record(UserSignedUp signup) { }
            }
            public sealed class Track
            {
                private Track() { }
                [OnEvent("user/signup", Id = "track")] public static void Record(UserSignedUp signup) { }
            }
            """);
}
