using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>An app whose SQLite store is configured by appsettings.json alone, as an operator deploys it.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-config-").FullName;

    [Fact]
    public async Task UseSqlite_without_arguments_takes_the_connection_string_named_in_the_configuration()
    {
        var database = Path.Combine(_directory, "from-config.db");
        using var host = Build("""
            {
              "ConnectionStrings": { "Fanout": "Data Source=DATABASE" },
              "AttrFanout": { "Sqlite": { "ConnectionStringName": "Fanout", "LeaseDuration": "00:00:10", "PollInterval": "00:00:00.500", "Durability": "Normal" } }
            }
            """.Replace("DATABASE", database, StringComparison.Ordinal), o => o.UseSqlite());
        await host.StartAsync();

        await RunOneEventAsync(host);
        await host.StopAsync();

        Assert.True(File.Exists(database));
    }

    [Fact]
    public async Task A_connection_string_in_the_section_is_used_and_code_wins_over_it()
    {
        var configured = Path.Combine(_directory, "configured.db");
        var coded = Path.Combine(_directory, "coded.db");
        var json = $$"""{ "AttrFanout": { "Sqlite": { "ConnectionString": "Data Source={{configured}}" } } }""";

        using (var host = Build(json, o => o.UseSqlite()))
        {
            await host.StartAsync();
            await RunOneEventAsync(host);
            await host.StopAsync();
        }

        using (var host = Build(json, o => o.UseSqlite($"Data Source={coded}")))
        {
            await host.StartAsync();
            await RunOneEventAsync(host);
            await host.StopAsync();
        }

        Assert.True(File.Exists(configured));
        Assert.True(File.Exists(coded));
    }

    [Theory]
    [InlineData("\"LeaseDuration\": \"-00:00:01\"", "AttrFanout:Sqlite:LeaseDuration")]
    [InlineData("\"MaxRunsPerLease\": 0", "AttrFanout:Sqlite:MaxRunsPerLease")]
    [InlineData("\"PollInterval\": \"00:00:00\"", "AttrFanout:Sqlite:PollInterval")]
    [InlineData("\"ConnectionStringName\": \"Missing\"", "ConnectionStrings:Missing")]
    [InlineData("\"Durability\": \"Full\"", "AttrFanout:Sqlite:ConnectionString")]
    public async Task A_bad_value_fails_the_start_with_a_message_naming_the_key(string setting, string key)
    {
        using var host = Build($$"""{ "AttrFanout": { "Sqlite": { {{setting}} } } }""", o => o.UseSqlite());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Equal(SqliteStoreOptions.SectionName, error.OptionsName);
    }

    [Fact]
    public async Task A_value_that_does_not_convert_fails_the_start_naming_the_key()
    {
        var database = Path.Combine(_directory, "bad.db");
        using var host = Build($$"""{ "AttrFanout": { "Sqlite": { "ConnectionString": "Data Source={{database}}", "LeaseDuration": "soon" } } }""", o => o.UseSqlite());

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("AttrFanout:Sqlite:LeaseDuration", error.Message, StringComparison.Ordinal);
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

    private IHost Build(string appsettings, Action<AttrFanoutOptions> configure)
    {
        File.WriteAllText(Path.Combine(_directory, "appsettings.json"), appsettings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory, DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.Combine(_directory, "appsettings.json"));
        builder.Services.AddAttrFanout(configure);
        return builder.Build();
    }

    private static async Task RunOneEventAsync(IHost host)
    {
        var sent = await host.Services.GetRequiredService<IEventSender>().SendAsync(new FanOutHappened("config"));
        var runs = host.Services.GetRequiredService<IFunctionRuns>();
        foreach (var runId in sent.RunIds)
        {
            var run = await runs.WaitForCompletionAsync(runId).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(AttrFanout.RunStatus.Succeeded, run.Status);
        }

        Assert.Equal(3, sent.RunIds.Count);
    }
}
