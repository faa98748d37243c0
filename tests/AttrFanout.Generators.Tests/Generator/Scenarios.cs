namespace AttrFanout.Generators.Tests.Generator;

/// <summary>Representative user code the generator tests compile.</summary>
internal static class Scenarios
{
    public const string Events = """
        using AttrFanout;

        namespace Shop.Events
        {
            [Event("user/signup")]
            public sealed partial record UserSignedUp(string UserId, string Email);

            [Event("shop/order.placed")]
            public partial class OrderPlaced
            {
                public string OrderId { get; set; } = "";
                public decimal Total { get; set; }
            }

            public static partial class Billing
            {
                [Event("billing/invoice.paid")]
                public readonly partial record struct InvoicePaid(string InvoiceId);
            }
        }

        [Event("global/ping")]
        public partial struct Ping
        {
            public int Sequence;
        }
        """;

    public const string Handlers = """
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;
        using Microsoft.Extensions.DependencyInjection;
        using Shop.Events;

        namespace Shop.Functions
        {
            public interface IEmailClient { Task SendWelcome(string email, CancellationToken ct); }
            public interface IClock { }
            public interface ICrm { }

            public sealed class Welcome(IEmailClient email)
            {
                [OnEvent("user/signup", Id = "send-welcome-email", Retries = 5, TimeoutSeconds = 30, Pipeline = "email")]
                public Task Send(UserSignedUp signup, CancellationToken ct) => email.SendWelcome(signup.Email, ct);

                [OnEvent("user/signup", Id = "log-signup")]
                public void Log(FunctionContext context, UserSignedUp signup) { }
            }

            public sealed class Crm
            {
                public Crm() { }

                public Crm([FromKeyedServices("primary")] ICrm crm, IClock? clock = null) { }

                [OnEvent("user/signup", Concurrency = 2)]
                public ValueTask AddContact(CancellationToken ct, Event<UserSignedUp> signup, FunctionContext context) => default;
            }

            internal static class Orders
            {
                [OnEvent("shop/order.placed", Id = "reserve-stock")]
                internal static async Task Reserve(OrderPlaced order) => await Task.Yield();

                [OnEvent("billing/invoice.paid", Id = "thank-customer")]
                public static ValueTask Thank(Event<Billing.InvoicePaid> paid) => default;
            }
        }

        public static class PingHandlers
        {
            [OnEvent("global/ping", Id = "pong")]
            public static void Pong(Ping ping) { }
        }
        """;
}
