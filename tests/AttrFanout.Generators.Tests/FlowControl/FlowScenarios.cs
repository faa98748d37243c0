namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>User code with every flow-control attribute and every kind of key the generator resolves.</summary>
internal static class FlowScenarios
{
    public const string Events = """
        using System;
        using AttrFanout;

        namespace Ai
        {
            public enum Tier { Free, Paid }

            public sealed record Account(string Id, Tier Tier);

            public interface IHasTenant { Guid TenantId { get; } }

            [Event("ai/summarize")]
            public sealed partial record SummarizeRequested(string AccountId, string UserId, Guid DocumentId, Account? Account, int Pages, bool Urgent) : IHasTenant
            {
                public Guid TenantId { get; init; }
                public Tier Tier { get; init; }
                public int? Region { get; init; }
                public DateTimeOffset At { get; init; }
                public decimal Budget { get; init; }
            }
        }
        """;

    public const string Handlers = """
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;

        namespace Ai
        {
            public static class Summaries
            {
                [OnEvent("ai/summarize", Id = "summarize")]
                [Concurrency(5, Key = nameof(SummarizeRequested.AccountId))]
                [Concurrency(50, Scope = "openai")]
                [Throttle(100, PeriodSeconds = 60, Burst = 10)]
                [RateLimit(1, PeriodSeconds = 3600, Key = nameof(SummarizeRequested.UserId))]
                [Singleton(Key = nameof(SummarizeRequested.DocumentId), Mode = SingletonMode.Cancel)]
                [Priority(nameof(Rank))]
                [Idempotency(Key = nameof(SummarizeRequested.DocumentId))]
                public static Task Summarize(SummarizeRequested request, CancellationToken ct) => Task.CompletedTask;

                public static int Rank(SummarizeRequested request) => request.Urgent ? 60 : -request.Pages;

                [OnEvent("ai/summarize", Id = "by-account")]
                [Concurrency(2, Key = "Account.Tier")]
                [Throttle(10, Key = "Account.Id")]
                public static void ByAccount(SummarizeRequested request) { }

                [OnEvent("ai/summarize", Id = "by-tenant")]
                [Concurrency(3, Key = nameof(TenantKey))]
                [RateLimit(100, Key = nameof(SummarizeRequested.Pages))]
                [Singleton(Key = nameof(SummarizeRequested.Urgent))]
                [Idempotency(Key = nameof(SummarizeRequested.At), PeriodSeconds = 600)]
                public static void ByTenant(SummarizeRequested request) { }

                internal static string TenantKey(IHasTenant payload) => payload.TenantId.ToString("N");

                [OnEvent("ai/summarize", Id = "by-region")]
                [Concurrency(4, Key = nameof(SummarizeRequested.Region))]
                [Throttle(5, Key = nameof(SummarizeRequested.Budget))]
                [RateLimit(5, Key = nameof(SummarizeRequested.Tier))]
                [Singleton(Key = nameof(SummarizeRequested.TenantId))]
                public static void ByRegion(SummarizeRequested request) { }

                [OnEvent("ai/summarize", Id = "translate")]
                [Concurrency(50, Scope = "openai")]
                public static void Translate(SummarizeRequested request) { }

                [OnEvent("ai/summarize", Id = "plain")]
                public static void Plain(SummarizeRequested request) { }
            }
        }
        """;

    public const string Probe = """
        using System;
        using System.Linq;
        using AttrFanout;
        using AttrFanout.FlowControl;
        using Microsoft.Extensions.DependencyInjection;
        using Ai;

        public static class Probe
        {
            private static readonly FunctionCatalog Catalog = (FunctionCatalog)new ServiceCollection()
                .AddAttrFanout()
                .Single(static d => d.ServiceType == typeof(FunctionCatalog))
                .ImplementationInstance!;

            public static FunctionFlowControl? Rules(string functionId) =>
                Catalog.TryGetFunction(functionId, out var function) ? function.FlowControl : throw new InvalidOperationException(functionId);

            public static object Payload(bool withAccount, int region) =>
                new SummarizeRequested("acc-1", "user-7", new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), withAccount ? new Account("a-9", Tier.Paid) : null, 3, true)
                {
                    TenantId = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
                    Tier = Tier.Paid,
                    Region = region < 0 ? null : region,
                    At = new DateTimeOffset(2026, 12, 6, 16, 30, 0, TimeSpan.FromHours(1)),
                    Budget = 1234.5m,
                };
        }
        """;
}
