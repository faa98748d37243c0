using System.Collections.Immutable;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>Valid code produces no diagnostic at all.</summary>
public sealed class CleanAppTests
{
    [Fact]
    public Task A_realistic_app_produces_no_diagnostics() => FanoutVerifier.AnalyzeAsync(App);

    [Fact]
    public async Task A_realistic_app_with_its_generated_code_produces_no_diagnostics()
    {
        var (output, result) = TestCompilation.RunGenerator(TestCompilation.Create("Shop", App));
        TestCompilation.AssertNoErrors(output);
        Assert.NotEmpty(result.GeneratedTrees);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CatalogAnalyzer(), new HandlerAnalyzer(), new EventTypeAnalyzer());
        var diagnostics = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }

    private const string App = """
            using System.Threading;
            using System.Threading.Tasks;
            using AttrFanout;

            namespace Shop;

            [Event("user/signup")]
            public sealed partial record UserSignedUp(string UserId, string Email);

            [Event("shop/order.placed")]
            public partial struct OrderPlaced
            {
                public int Number;
            }

            public static partial class Shipments
            {
                [Event("shop/order.shipped")]
                public sealed partial class OrderShipped
                {
                    public string? Carrier { get; init; }
                }
            }

            public interface IEmailClient
            {
                Task SendWelcome(string email, CancellationToken cancellationToken);
            }

            public sealed class Welcome(IEmailClient email)
            {
                [OnEvent("user/signup", Id = "send-welcome-email", Retries = 5, TimeoutSeconds = 30, Concurrency = 4)]
                public Task Send(UserSignedUp signup, CancellationToken ct) => email.SendWelcome(signup.Email, ct);
            }

            public static class Analytics
            {
                [OnEvent("user/signup", Id = "track-signup")]
                public static ValueTask Track(UserSignedUp signup, FunctionContext context) => default;

                [OnEvent("user/signup")]
                public static void Audit(Event<UserSignedUp> signup)
                {
                }

                [OnEvent("shop/order.placed", Retries = 0)]
                internal static Task Count(CancellationToken ct, OrderPlaced order, FunctionContext context) => Task.CompletedTask;
            }

            internal class Shipping
            {
                [OnEvent("shop/order.shipped")]
                public async Task Notify(Event<Shipments.OrderShipped> shipped, CancellationToken ct) => await Task.Delay(0, ct);

                [OnEvent("shop/order.placed")]
                public void Reserve(FunctionContext context, OrderPlaced order)
                {
                }

                [OnEvent("shop/order.placed")]
                protected internal ValueTask Pack(Event<OrderPlaced> placed, FunctionContext context, CancellationToken ct) => default;

                public static class Nested
                {
                    [OnEvent("user/signup")]
                    public static Task Greet(CancellationToken ct, Event<UserSignedUp> signup) => Task.CompletedTask;
                }
            }

            public class NotAHandler
            {
                public void Ignore(UserSignedUp signup)
                {
                }
            }
            """;
}
