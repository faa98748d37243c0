using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>An app whose JetStream store is configured by appsettings.json alone, as an operator deploys it.</summary>
[Collection(NatsCollection.Name)]
public sealed class ConfigurationTests(NatsServerFixture server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-nats-config-").FullName;

    [Fact]
    public async Task UseNatsJetStream_without_arguments_takes_every_setting_from_the_configuration()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        using var host = Build($$"""
            {
              "AttrFanout": {
                "Nats": {
                  "Url": "{{server.Url}}",
                  "StreamName": "CFG{{n}}",
                  "DeadLetterStreamName": "CFG{{n}}_DEAD",
                  "SubjectPrefix": "cfg{{n}}",
                  "Storage": "Memory",
                  "AckWait": "00:00:45",
                  "FetchExpiry": "00:00:03",
                  "DuplicateWindow": "00:10:00"
                }
              }
            }
            """);
        await host.StartAsync();

        await host.Services.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced("o-config", 1));
        var journal = host.Services.GetRequiredService<Journal>();
        await journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => journal.Of(f, "o-config").Count > 0), "the configured fan-out");
        await host.StopAsync();

        await using var connection = new NatsConnection(new NatsOpts { Url = server.Url });
        var js = new NatsJSContext(connection);
        var stream = await js.GetStreamAsync($"CFG{n}");
        var consumer = await js.GetConsumerAsync($"CFG{n}", ConsumerNames.Function("charge-card"));
        Assert.Equal(StreamConfigStorage.Memory, stream.Info.Config.Storage);
        Assert.Equal(TimeSpan.FromMinutes(10), stream.Info.Config.DuplicateWindow);
        Assert.Contains($"cfg{n}.", string.Join(",", stream.Info.Config.Subjects ?? []));
        Assert.Equal(TimeSpan.FromSeconds(45), consumer.Info.Config.AckWait);
        await js.GetStreamAsync($"CFG{n}_DEAD");
    }

    [Theory]
    [InlineData("\"Replicas\": 7", "AttrFanout:Nats:Replicas")]
    [InlineData("\"StreamName\": \"bad.name\"", "AttrFanout:Nats:StreamName")]
    [InlineData("\"AckWait\": \"00:00:00\"", "AttrFanout:Nats:AckWait")]
    [InlineData("\"FetchExpiry\": \"00:00:01\"", "AttrFanout:Nats:FetchExpiry")]
    [InlineData("\"SubjectPrefix\": \"a..b\"", "AttrFanout:Nats:SubjectPrefix")]
    [InlineData("\"Url\": \" \"", "AttrFanout:Nats:Url")]
    public async Task A_bad_value_fails_the_start_with_a_message_naming_the_key(string setting, string key)
    {
        using var host = Build($$"""{ "AttrFanout": { "Nats": { {{setting}} } } }""");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Equal(NatsJetStreamOptions.SectionName, error.OptionsName);
    }

    [Fact]
    public async Task A_value_that_does_not_convert_fails_the_start_naming_the_key()
    {
        using var host = Build("""{ "AttrFanout": { "Nats": { "Replicas": "three" } } }""");

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("AttrFanout:Nats:Replicas", error.Message, StringComparison.Ordinal);
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

    private IHost Build(string appsettings)
    {
        var file = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(file, appsettings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory, DisableDefaults = true });
        builder.Configuration.AddJsonFile(file);
        builder.Services.AddSingleton<Journal>();
        builder.Services.AddAttrFanout(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(2);
            o.UseNatsJetStream();
        });
        return builder.Build();
    }
}
