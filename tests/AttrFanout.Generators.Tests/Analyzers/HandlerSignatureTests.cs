using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0004: the parameters and return type of an <c>[OnEvent]</c> method.</summary>
public sealed class HandlerSignatureTests
{
    private const string Prelude = """
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
        [Event("user/deleted")] public sealed partial record UserDeleted(string UserId);

        """;

    [Fact]
    public Task Fires_for_a_handler_without_payload() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|#0:Track|}(CancellationToken ct, FunctionContext context) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.InvalidHandlerSignature, 0).WithArguments(
                "Handlers.Track", "it takes no payload; add a parameter of the event's payload type (or Event<T>)")]);

    [Fact]
    public Task Fires_for_a_second_payload() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|AF0004:Track|}(UserSignedUp signup, UserDeleted deleted) { }
            }
            """);

    [Fact]
    public Task Points_a_service_parameter_to_constructor_injection() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public interface IMailer { }
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|#0:Track|}(UserSignedUp signup, IMailer mailer) { }
            }
            public sealed class Welcome
            {
                [OnEvent("user/signup")] public void {|#1:Send|}(IMailer mailer, UserSignedUp signup) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidHandlerSignature, 0).WithArguments(
                    "Handlers.Track",
                    "parameter 'mailer' of type 'IMailer' looks like a service, but a handler receives only the payload, a FunctionContext and a CancellationToken; make the handler an instance method and take the service in its class's constructor, which dependency injection calls for each run"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidHandlerSignature, 1).WithArguments(
                    "Welcome.Send",
                    "parameter 'mailer' of type 'IMailer' looks like a service, but a handler receives only the payload, a FunctionContext and a CancellationToken; take the service in the constructor of 'Welcome', which dependency injection calls for each run"),
            ]);

    [Fact]
    public Task Fires_for_a_second_token_or_context() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|AF0004:Track|}(UserSignedUp signup, CancellationToken a, CancellationToken b) { }
                [OnEvent("user/signup")] public static void {|AF0004:Audit|}(FunctionContext a, UserSignedUp signup, FunctionContext b) { }
            }
            """);

    [Fact]
    public Task Fires_for_a_wrong_return_type_and_async_void() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static int {|AF0004:Count|}(UserSignedUp signup) => 1;
                [OnEvent("user/signup")] public static Task<int> {|AF0004:Load|}(UserSignedUp signup) => Task.FromResult(1);
                [OnEvent("user/signup")] public static async void {|AF0004:Fire|}(UserSignedUp signup) => await Task.Yield();
            }
            """);

    [Fact]
    public Task Fires_for_a_by_reference_parameter() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|AF0004:Track|}(in UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Stays_silent_for_every_allowed_shape() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void A(UserSignedUp signup) { }
                [OnEvent("user/signup")] public static Task B(Event<UserSignedUp> signup, CancellationToken ct) => Task.CompletedTask;
                [OnEvent("user/signup")] public static ValueTask C(FunctionContext context, UserSignedUp signup) => default;
                [OnEvent("user/signup")] public static async Task D(CancellationToken ct, FunctionContext context, Event<UserSignedUp> signup) => await Task.Yield();
            }
            """);
}
