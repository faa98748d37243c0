using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Extensions.Microsoft.DependencyInjection;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>
/// A real nats-server that asks for a user and password, or a token: the app connects through its own
/// <c>AddNatsClient</c> connection, fans out, and neither its logs, its errors nor its health output ever show the secret.
/// </summary>
public sealed class SecuredServerTests
{
    private const string User = "fanout-app";
    private const string Password = "pw-S3cr3t-7Qz";
    private const string Token = "tok-9xYv-S3cr3t";

    [Fact]
    public async Task An_app_connects_with_a_user_and_password_through_AddNatsClient_and_never_shows_the_password()
    {
        await using var server = new RestartableServer("--user", User, "--pass", Password);
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Trace);
        await using var app = SecuredApp(server, new NatsAuthOpts { Username = User, Password = Password }, logs);

        await FanOutAsync(app);
        var health = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        AssertNoSecret(Password, logs, health);
    }

    [Fact]
    public async Task An_app_connects_with_a_token_through_AddNatsClient_and_never_shows_the_token()
    {
        await using var server = new RestartableServer("--auth", Token);
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Trace);
        await using var app = SecuredApp(server, new NatsAuthOpts { Token = Token }, logs);

        await FanOutAsync(app);
        var health = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        AssertNoSecret(Token, logs, health);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_a_clear_error_that_does_not_show_it()
    {
        const string wrong = "pw-Wr0ng-4Kd";
        await using var server = new RestartableServer("--user", User, "--pass", Password);
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Trace);
        await using var app = SecuredApp(server, new NatsAuthOpts { Username = User, Password = wrong }, logs);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced("o-wrong", 1)).AsTask());
        var health = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Contains("127.0.0.1:" + server.Port, error.Message);
        Assert.Contains("Authorization Violation", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("Authorization Violation", health.Entries["attrfanout-store"].Description, StringComparison.OrdinalIgnoreCase);
        AssertNoSecret(wrong, logs, health, error);
        AssertNoSecret(Password, logs, health, error);
    }

    [Fact]
    public async Task A_password_in_the_url_is_never_shown_either()
    {
        const string wrong = "pw-InUrl-Wr0ng-2Hs";
        await using var server = new RestartableServer("--user", User, "--pass", Password);
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Trace);
        var names = Names();
        await using var app = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<Journal>()
            .AddAttrFanout(o => o.UseNatsJetStream($"nats://{User}:{wrong}@127.0.0.1:{server.Port}", names))
            .AddHealthChecks().AddAttrFanoutNatsJetStream().Services
            .BuildServiceProvider();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced("o-url", 1)).AsTask());
        var health = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        AssertNoSecret(wrong, logs, health, error);
    }

    [Fact]
    public async Task The_url_case_takes_credentials_through_the_connection_hook()
    {
        await using var server = new RestartableServer("--user", User, "--pass", Password);
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Trace);
        var names = Names();
        await using var app = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<Journal>()
            .AddAttrFanout(o => o.UseNatsJetStream(server.Url, n =>
            {
                names(n);
                n.ConfigureConnection(opts => opts with { AuthOpts = new NatsAuthOpts { Username = User, Password = Password } });
            }))
            .AddHealthChecks().AddAttrFanoutNatsJetStream().Services
            .BuildServiceProvider();

        await FanOutAsync(app);
        var health = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        AssertNoSecret(Password, logs, health);
    }

    [Fact]
    public async Task A_stopped_server_makes_the_store_unhealthy_and_the_engine_degraded_without_showing_the_password()
    {
        await using var server = new RestartableServer("--user", User, "--pass", Password);
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Trace);
        await using var app = SecuredApp(server, new NatsAuthOpts { Username = User, Password = Password }, logs);
        foreach (var hosted in app.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        await FanOutAsync(app);
        var healthy = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await server.StopAsync();
        var stopped = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Contains("function worker(s)", healthy.Entries["attrfanout"].Description);
        Assert.Contains("streams", healthy.Entries["attrfanout-store"].Description);
        Assert.Equal(HealthStatus.Unhealthy, stopped.Entries["attrfanout-store"].Status);
        // The client may notice the stop only when the check's ping fails: either way the check names the server.
        Assert.Contains($"nats://127.0.0.1:{server.Port}", stopped.Entries["attrfanout-store"].Description);
        Assert.Equal(HealthStatus.Degraded, stopped.Entries["attrfanout"].Status);
        AssertNoSecret(Password, logs, healthy);
        AssertNoSecret(Password, logs, stopped);
    }

    [Fact]
    public async Task A_deleted_stream_makes_the_store_unhealthy_and_names_it()
    {
        await using var server = new RestartableServer("--auth", Token);
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Trace);
        await using var app = SecuredApp(server, new NatsAuthOpts { Token = Token }, logs);
        await FanOutAsync(app);
        var store = (Nats.Store.NatsJetStreamStore)app.GetRequiredService<AttrFanout.Stores.IFanoutStore>();

        await using (var admin = new NatsConnection(new NatsOpts { Url = server.Url, AuthOpts = new NatsAuthOpts { Token = Token } }))
        {
            await new NATS.Client.JetStream.NatsJSContext(admin).DeleteStreamAsync(store.Options.DeadLetterStreamName);
        }

        var health = await app.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Entries["attrfanout-store"].Status);
        Assert.Contains($"'{store.Options.DeadLetterStreamName}' are missing", health.Entries["attrfanout-store"].Description);
        Assert.Contains("Restart the app", health.Entries["attrfanout-store"].Description);
        AssertNoSecret(Token, logs, health);
    }

    [Fact]
    public async Task Inboxes_are_under_the_connections_inbox_prefix()
    {
        // The user may not subscribe under the default '_INBOX.': only an app that honours its connection's prefix works.
        var config = Path.Combine(Path.GetTempPath(), $"attrfanout-inbox-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, $$"""
            authorization {
              users = [ { user: "{{User}}", password: "{{Password}}", permissions: { subscribe: { deny: ["_INBOX.>"] } } } ]
            }
            """);
        try
        {
            await using var server = new RestartableServer("-c", config);
            await server.StartAsync();
            var logs = new CapturedLogs(LogLevel.Trace);
            await using var app = SecuredApp(server, new NatsAuthOpts { Username = User, Password = Password }, logs, inboxPrefix: "_APP_INBOX");

            await FanOutAsync(app);

            AssertNoSecret(Password, logs, await app.GetRequiredService<HealthCheckService>().CheckHealthAsync());
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static ServiceProvider SecuredApp(RestartableServer server, NatsAuthOpts auth, CapturedLogs logs, string inboxPrefix = "_INBOX")
    {
        var names = Names();
        return new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<Journal>()
            .AddNatsClient(nats => nats.ConfigureOptions(o => o.Configure(b => b.Opts = b.Opts with { Url = server.Url, AuthOpts = auth, InboxPrefix = inboxPrefix })))
            .AddAttrFanout(o =>
            {
                o.ShutdownTimeout = TimeSpan.FromSeconds(2);
                o.UseNatsJetStream(names);
            })
            .AddHealthChecks().AddAttrFanout().Services
            .BuildServiceProvider();
    }

    private static Action<NatsJetStreamOptions> Names()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        return o =>
        {
            o.StreamName = "S" + n;
            o.DeadLetterStreamName = "S" + n + "_DEAD";
            o.SubjectPrefix = "s" + n;
            o.Storage = NatsStorage.Memory;
            o.FetchExpiry = TimeSpan.FromSeconds(2);
        };
    }

    private static async Task FanOutAsync(ServiceProvider app)
    {
        var sent = await app.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced("o-secure", 7));
        var journal = app.GetRequiredService<Journal>();
        await journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => journal.Of(f, "o-secure").Count > 0), "the secured fan-out");
        Assert.Equal(3, sent.RunIds.Count);
    }

    private static void AssertNoSecret(string secret, CapturedLogs logs, HealthReport health, Exception? error = null)
    {
        Assert.NotEmpty(logs.Entries);
        foreach (var line in logs.Lines)
        {
            Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        }

        foreach (var (name, entry) in health.Entries)
        {
            Assert.DoesNotContain(secret, name + " " + entry.Description + " " + entry.Exception, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(secret, error?.ToString() ?? "", StringComparison.Ordinal);
    }
}
