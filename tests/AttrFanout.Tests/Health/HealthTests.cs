using AttrFanout.Tests.Hosting;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AttrFanout.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task The_engine_and_the_in_memory_store_report_under_their_names()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<HostPingLog>().AddAttrFanout(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddHealthChecks().AddAttrFanout("fanout", "ready");
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();
        await host.StartAsync();
        await host.Services.GetRequiredService<IEventSender>().SendAsync(new HostPing(1));
        await host.Services.GetRequiredService<HostPingLog>().Handled.Task.Safe();
        var running = await health.CheckHealthAsync(static r => r.Tags.Contains("ready"));
        await host.StopAsync();
        var after = await health.CheckHealthAsync();

        Assert.Contains("has not started", before.Entries["fanout"].Description);
        Assert.Equal(HealthStatus.Healthy, running.Status);
        Assert.Equal(["fanout", "fanout-store"], running.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("kept in memory", running.Entries["fanout-store"].Description);
        Assert.Equal(HealthStatus.Unhealthy, after.Entries["fanout"].Status);
        Assert.Contains("stopping or stopped", after.Entries["fanout"].Description);
    }
}
