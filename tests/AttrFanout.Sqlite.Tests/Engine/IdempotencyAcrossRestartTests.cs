using AttrFanout.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AttrFanout.Sqlite.Tests.Engine;

public sealed class IdempotencyAcrossRestartTests
{
    [Fact]
    public async Task An_idempotency_key_taken_before_a_restart_keeps_the_next_app_from_starting_a_run_for_it()
    {
        await using var db = new TestDatabase();
        var test = Guid.NewGuid().ToString("N");
        SendResult first;
        await using (var app = await StartAsync(db))
        {
            first = await app.GetRequiredService<IEventSender>().SendAsync(new IdempotentJob(test, "doc-1"));
            await Polling.UntilAsync(async () => (await app.GetRequiredService<IFunctionRuns>().GetAsync(first.RunIds.Single()))?.Status == RunStatus.Succeeded, "the first run succeeds", db.Time);
            await StopAsync(app);
        }

        await using var restarted = await StartAsync(db);
        db.Time.Advance(TimeSpan.FromHours(23));
        var second = await restarted.GetRequiredService<IEventSender>().SendAsync(new IdempotentJob(test, "doc-1"));
        var other = await restarted.GetRequiredService<IEventSender>().SendAsync(new IdempotentJob(test, "doc-2"));

        Assert.False(second.IsDuplicate);
        Assert.NotEqual(first.EventId, second.EventId);
        Assert.Equal(first.RunIds.Single(), second.RunIds.Single());
        await Polling.UntilAsync(async () => (await restarted.GetRequiredService<IFunctionRuns>().GetAsync(other.RunIds.Single()))?.Status == RunStatus.Succeeded, "the other key's run succeeds", db.Time);
        Assert.Single(FlowProbe.Starts(test, "doc-1"));
        await StopAsync(restarted);
    }

    private static async Task<ServiceProvider> StartAsync(TestDatabase db)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(db.Time);
        AttrFanoutRegistration.AddAttrFanoutCore(services, [FlowFunctions.Module], o => o.UseSqlite(db.ConnectionString, s => s.PollInterval = TimeSpan.FromSeconds(1)));
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return provider;
    }

    private static async Task StopAsync(ServiceProvider provider)
    {
        foreach (var hosted in provider.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }
}
