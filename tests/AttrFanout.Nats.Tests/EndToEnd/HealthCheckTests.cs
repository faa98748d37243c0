using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class HealthCheckTests(NatsServerFixture server)
{
    [Fact]
    public async Task The_connection_check_is_healthy_against_a_running_server()
    {
        var report = await CheckAsync(server.Url);
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task The_connection_check_is_unhealthy_when_the_server_is_unreachable()
    {
        var report = await CheckAsync("nats://127.0.0.1:1");
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("unreachable", report.Entries["attrfanout-nats"].Description);
    }

    private async Task<HealthReport> CheckAsync(string url)
    {
        var options = server.NewOptions();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<Journal>()
            .AddAttrFanout(o => o.UseNatsJetStream(url, n =>
            {
                n.StreamName = options.StreamName;
                n.DeadLetterStreamName = options.DeadLetterStreamName;
                n.SubjectPrefix = options.SubjectPrefix;
                n.Storage = NatsStorage.Memory;
            }))
            .AddHealthChecks().AddAttrFanoutNatsJetStream().Services
            .BuildServiceProvider();
        return await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }
}
