using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary><c>AddHealthChecks().AddAttrFanout()</c> over a real SQLite file: the engine and the file, as an operator sees them.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-health-").FullName;

    [Fact]
    public async Task A_started_engine_on_a_writable_file_is_healthy()
    {
        using var host = Build(Path.Combine(_directory, "ok.db"));
        await host.StartAsync();

        var report = await CheckAsync(host);
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Contains("function worker(s)", report.Entries["attrfanout"].Description);
        Assert.Contains("ok.db' is writable", report.Entries["attrfanout-store"].Description);
    }

    [Fact]
    public async Task An_engine_not_started_or_stopped_is_unhealthy_and_says_so()
    {
        using var host = Build(Path.Combine(_directory, "stopped.db"));

        var before = await CheckAsync(host);
        await host.StartAsync();
        await host.StopAsync();
        var after = await CheckAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, before.Entries["attrfanout"].Status);
        Assert.Contains("has not started", before.Entries["attrfanout"].Description);
        Assert.Equal(HealthStatus.Unhealthy, after.Entries["attrfanout"].Status);
        Assert.Contains("stopping or stopped", after.Entries["attrfanout"].Description);
    }

    [Fact]
    public async Task A_read_only_file_makes_the_store_unhealthy_and_the_engine_degraded_naming_the_file()
    {
        var database = Path.Combine(_directory, "readonly.db");
        using var host = Build(database);
        await host.StartAsync();
        await host.Services.GetRequiredService<IEventSender>().SendAsync(new FanOutHappened("before"));

        await MakeReadOnlyAsync(database, readOnly: true);
        HealthReport report;
        try
        {
            report = await CheckAsync(host);
        }
        finally
        {
            await MakeReadOnlyAsync(database, readOnly: false);
        }

        await host.StopAsync();
        var store = report.Entries["attrfanout-store"];
        Assert.Equal(HealthStatus.Unhealthy, store.Status);
        Assert.Contains($"'{database}' cannot be written", store.Description);
        Assert.Contains("writable by this process", store.Description);
        Assert.Equal(HealthStatus.Degraded, report.Entries["attrfanout"].Status);
        Assert.Contains("store is unhealthy", report.Entries["attrfanout"].Description);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static IHost Build(string database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAttrFanout(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(2);
            o.UseSqlite($"Data Source={database}");
        });
        builder.Services.AddHealthChecks().AddAttrFanout(tags: "ready");
        return builder.Build();
    }

    private static Task<HealthReport> CheckAsync(IHost host) => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    /// <summary>
    /// Makes the file read-only for this process: a file mode is not enough for root, who writes anyway, so as root the
    /// file is made immutable (chattr +i), which root cannot write either.
    /// </summary>
    private static async Task MakeReadOnlyAsync(string file, bool readOnly)
    {
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            using var chattr = Process.Start("chattr", [readOnly ? "+i" : "-i", file]) ?? throw new InvalidOperationException("chattr did not start.");
            await chattr.WaitForExitAsync();
            Assert.Equal(0, chattr.ExitCode);
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, readOnly ? UnixFileMode.UserRead | UnixFileMode.GroupRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
