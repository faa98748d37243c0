using System.Net;
using AttrFanout.Testing.WebApp;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AttrFanout.Testing.Tests;

public sealed class AttachedHarnessTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_http_request_to_a_web_app_leads_to_runs_the_session_reports_with_the_retry_stepped_on_the_fake_clock()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var app = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddAttrFanoutTesting()));
        using var client = app.CreateClient();
        var fanout = FanoutTestHarness.Attach(app.Services);
        var start = fanout.Time.GetUtcNow();
        await using var session = fanout.Track();

        using var response = await client.PostAsync("/orders/o-7", content: null, timeout.Token);
        var report = await session.RunUntilIdleAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var placed = report.Events[0];
        Assert.Equal(await response.Content.ReadAsStringAsync(timeout.Token), placed.EventId);
        Assert.Null(placed.SentBy);
        Assert.Equal(["web/order.placed", "web/stock.reserved"], report.Events.Select(static e => e.EventName));
        var pick = report["web-request-pick"];
        Assert.Same(report["web-reserve-stock"], pick.Event.SentBy);
        Assert.Equal((RunStatus.Succeeded, 2), (pick.Status, pick.Attempts));
        Assert.Equal(typeof(TimeoutException).FullName, pick.ErrorType);
        Assert.Equal(2, app.Services.GetRequiredService<Warehouse>().PickRequests);
        Assert.Same(fanout.Time, app.Services.GetRequiredService<TimeProvider>());
        Assert.True(fanout.Time.GetUtcNow() > start, "The session should have advanced the app's fake clock over the retry delay.");
    }

    [Fact]
    public async Task A_harness_attaches_to_a_host_built_with_HostApplicationBuilder()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var log = new CascadeLog();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAttrFanout().AddSingleton(log);
        builder.Services.AddAttrFanoutTesting();
        using var host = builder.Build();
        await host.StartAsync(timeout.Token);
        var fanout = FanoutTestHarness.Attach(host.Services);
        await using var session = fanout.Track();

        await session.SendAsync(new CascadeOrderPlaced("o-8"), cancellationToken: timeout.Token);
        var report = await session.RunUntilIdleAsync(timeout.Token);
        await host.StopAsync(timeout.Token);

        Assert.Equal(5, report.Runs.Count);
        Assert.Equal((RunStatus.Failed, 3), (report["print-label"].Status, report["print-label"].Attempts));
        Assert.Equal(RunStatus.Succeeded, report["alert-on-failure"].Status);
        Assert.Single(log.Alerts);
    }
}
