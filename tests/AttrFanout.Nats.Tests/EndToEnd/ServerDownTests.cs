using System.Net;
using System.Net.Sockets;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Tests.EndToEnd;

public sealed class ServerDownTests
{
    [Fact]
    public async Task A_server_that_is_down_is_logged_once_with_what_to_do_and_the_server_named_never_the_credentials()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var logs = new CapturedLogs(LogLevel.Information);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<Journal>();
        builder.Services.AddAttrFanout(o => o.UseNatsJetStream($"nats://app:s3cret-pass@127.0.0.1:{port}"));
        using var host = builder.Build();
        await host.StartAsync();

        // Every function's worker tries the server (every 2 s): several tries each in this window.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var stopping = TimeProvider.System.GetTimestamp();
        await host.StopAsync();
        Assert.True(TimeProvider.System.GetElapsedTime(stopping) < TimeSpan.FromSeconds(5), "stop waits for no reconnect");

        var lines = string.Join(Environment.NewLine, logs.Lines);
        var entry = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Null(entry.Error);
        Assert.Contains($"nats://127.0.0.1:{port}", entry.Message);
        Assert.Contains("nats-server -js", entry.Message);
        Assert.DoesNotContain("s3cret", lines);
    }
}
