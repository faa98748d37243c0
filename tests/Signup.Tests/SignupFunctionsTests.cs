using AttrFanout;
using AttrFanout.Testing;
using Microsoft.Extensions.DependencyInjection;
using Signup.Events;
using Signup.Services;

namespace Signup.Tests;

public sealed class SignupFunctionsTests
{
    private static readonly UserSignedUp Ada = new("u-1", "ada@example.com", "Ada Lovelace", "team");

    [Fact]
    public async Task Every_function_runs_once_and_the_flaky_sales_notification_retries_on_its_own()
    {
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSignupServices(salesApiOutages: 2));

        var runs = await fanout.SendAndRunAsync(Ada);

        Assert.True(runs.AllSucceeded);
        Assert.Equal(
            ["add-crm-contact", "notify-sales", "provision-workspace", "send-welcome-email", "track-signup"],
            runs.Select(static r => r.FunctionId).Order(StringComparer.Ordinal));
        Assert.Equal(3, runs["notify-sales"].Attempts);
        Assert.All(runs.Where(static r => r.FunctionId != "notify-sales"), static r => Assert.Equal(1, r.Attempts));

        var outbox = fanout.Services.GetRequiredService<Outbox>().Sent;
        Assert.Contains("email to ada@example.com: Welcome aboard, Ada Lovelace!", outbox);
        Assert.Contains("crm contact u-1 <ada@example.com> on team", outbox);
        Assert.Contains("workspace ws-u-1 (team)", outbox);
        Assert.Equal(["signup u-1 team"], fanout.Services.GetRequiredService<AnalyticsLog>().Events);
    }

    [Fact]
    public async Task A_sales_outage_fails_only_the_sales_run_and_pages_on_call()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var pages = new PagingEmailClient();
        await using var fanout = FanoutTestHarness.Create(services => services
            .AddAttrFanout()
            .AddSignupServices(salesApiOutages: int.MaxValue)
            .AddSingleton<IEmailClient>(pages));
        await using var session = fanout.Track();

        await session.SendAsync(Ada, cancellationToken: timeout.Token);
        var report = await session.RunUntilIdleAsync(timeout.Token);

        var sales = report["notify-sales"];
        Assert.Equal((RunStatus.Failed, 5), (sales.Status, sales.Attempts));
        Assert.All(report.Runs.Where(static r => r.FunctionId != "notify-sales"), static r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Same(sales, report["page-on-call"].Event.SentBy);
        Assert.Equal(["notify-sales failed for user/signup after 5 attempts: Sales API unavailable (503), call 5"], pages.Pages);
        Assert.Single(await fanout.Runs.ListFailedAsync(cancellationToken: timeout.Token));
    }

    [Fact]
    public async Task Sending_the_same_signup_twice_fans_out_once()
    {
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSignupServices(salesApiOutages: 0));
        var options = new SendOptions { Id = "signup-u-1" };

        var first = await fanout.Sender.SendAsync(Ada, options);
        var second = await fanout.Sender.SendAsync(Ada, options);
        await fanout.RunToEndAsync(first.RunIds);

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.RunIds, second.RunIds);
        Assert.Single(fanout.Services.GetRequiredService<AnalyticsLog>().Events);
    }

    private sealed class PagingEmailClient : IEmailClient
    {
        private readonly List<string> _pages = [];

        public IReadOnlyList<string> Pages
        {
            get
            {
                lock (_pages)
                {
                    return [.. _pages];
                }
            }
        }

        public Task SendAsync(string to, string subject, CancellationToken ct)
        {
            if (to == "oncall@example.com")
            {
                lock (_pages)
                {
                    _pages.Add(subject);
                }
            }

            return Task.CompletedTask;
        }
    }
}
