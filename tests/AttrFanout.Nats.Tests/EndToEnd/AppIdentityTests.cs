using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>Two separately built apps on one stream never silently share a function's runs; an app's dropped functions are named.</summary>
[Collection(NatsCollection.Name)]
public sealed class AppIdentityTests(NatsServerFixture server)
{
    private const string ThisApp = "AttrFanout.Nats.Tests";

    [Fact]
    public async Task A_second_app_declaring_a_function_Id_another_app_uses_on_the_stream_does_not_start_its_functions_and_says_which_Id()
    {
        await using var first = NatsApp.Create(server);
        await first.BarrierAsync("first");
        var consumer = await GetConsumerAsync(first.Nats, ConsumerNames.Function("charge-card"));
        Assert.Equal(ThisApp, ConsumerOwners.AppOf(consumer.Config.Description));

        // Another service with its own functions of the same Ids (the same catalog, built as another app).
        var logs = new CapturedLogs(LogLevel.Critical);
        await using var second = NatsApp.Create(server, configureNats: n => SameStream(n, first.Nats, "billing-service"), logs: logs);
        await second.StartAsync();
        var refused = await Assert.ThrowsAsync<AttrFanoutConfigurationException>(() => second.Sender.SendAsync(new OrderPlaced("second", 1)).AsTask());
        Assert.Contains($"'{ThisApp}'", refused.Message);
        Assert.Contains("'billing-service'", refused.Message);
        Assert.Matches("function Id '(charge-card|send-receipt|reserve-stock|alert-on-failure|call-webhook)'", refused.Message);
        await Eventually.PollAsync(() => Task.FromResult(logs.Entries.Count), count => count >= 1, "the refusal logged");
        Assert.Single(logs.Entries);

        // The first app's functions still run every event, and still own their consumers.
        await first.BarrierAsync("after");
        consumer = await GetConsumerAsync(first.Nats, ConsumerNames.Function("charge-card"));
        Assert.Equal(ThisApp, ConsumerOwners.AppOf(consumer.Config.Description));
    }

    [Fact]
    public async Task A_consumer_made_before_apps_were_recorded_is_claimed_by_the_app_that_declares_its_function()
    {
        var nats = server.NewOptions();
        await using (var connection = new NatsConnection(new NatsOpts { Url = nats.Url }))
        {
            var js = new NatsJSContext(connection);
            var subjects = new SubjectLayout(nats.SubjectPrefix);
            await js.CreateStreamAsync(new StreamConfig(nats.StreamName, [subjects.AllEvents, subjects.AllRouted, subjects.AllReplays]) { Retention = StreamConfigRetention.Interest, Storage = StreamConfigStorage.Memory });
            await js.CreateOrUpdateConsumerAsync(nats.StreamName, new ConsumerConfig(ConsumerNames.Function("charge-card"))
            {
                Description = "AttrFanout function 'charge-card' on event 'shop/order.placed'",
                FilterSubject = subjects.Routed(OrderPlaced.EventName),
                DeliverPolicy = ConsumerConfigDeliverPolicy.New,
                AckPolicy = ConsumerConfigAckPolicy.Explicit,
            });
        }

        await using var app = NatsApp.Create(server, configureNats: n => SameStream(n, nats, appName: null));
        await app.BarrierAsync("claimed");
        var consumer = await GetConsumerAsync(nats, ConsumerNames.Function("charge-card"));
        Assert.Equal(ThisApp, ConsumerOwners.AppOf(consumer.Config.Description));
    }

    [Fact]
    public async Task Consumers_of_functions_this_app_dropped_are_named_at_start_and_deleted_on_request_and_other_apps_consumers_are_left_alone()
    {
        var nats = server.NewOptions();
        await using (var first = NatsApp.Create(server, configureNats: n => SameStream(n, nats, appName: null)))
        {
            await first.BarrierAsync("provisioned");
        }

        var subjects = new SubjectLayout(nats.SubjectPrefix);
        await CreateConsumerAsync(nats, ConsumerNames.Function("refund-card"), $"AttrFanout function 'refund-card' of app '{ThisApp}' on event 'shop/order.placed'", subjects.Routed(OrderPlaced.EventName));
        await CreateConsumerAsync(nats, ConsumerNames.Function("ship-parcel"), "AttrFanout function 'ship-parcel' of app 'shipping-service' on event 'shop/order.placed'", subjects.Routed(OrderPlaced.EventName));
        await CreateConsumerAsync(nats, ConsumerNames.Function("old-audit"), "AttrFanout function 'old-audit' on event 'shop/order.placed'", subjects.Routed(OrderPlaced.EventName));

        var logs = new CapturedLogs(LogLevel.Warning);
        await using (var app = NatsApp.Create(server, configureNats: n => SameStream(n, nats, appName: null), logs: logs))
        {
            await app.BarrierAsync("warned");
        }

        var warnings = logs.Entries.Select(e => e.Message).ToArray();
        var orphan = Assert.Single(warnings, w => w.Contains("'F_refund-card'", StringComparison.Ordinal));
        Assert.Contains($"nats consumer rm {nats.StreamName} F_refund-card", orphan);
        Assert.Contains("DeleteOrphanedConsumers", orphan);
        Assert.Single(warnings, w => w.Contains("'F_old-audit'", StringComparison.Ordinal) && w.Contains("names no app", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("ship-parcel", StringComparison.Ordinal));

        await using (var app = NatsApp.Create(server, configureNats: n =>
        {
            SameStream(n, nats, appName: null);
            n.DeleteOrphanedConsumers = true;
        }))
        {
            await app.BarrierAsync("deleted");
        }

        var names = await ConsumerNamesAsync(nats);
        Assert.DoesNotContain(ConsumerNames.Function("refund-card"), names);
        Assert.Contains(ConsumerNames.Function("ship-parcel"), names);
        Assert.Contains(ConsumerNames.Function("old-audit"), names);
    }

    private static void SameStream(NatsJetStreamOptions n, NatsJetStreamOptions nats, string? appName)
    {
        n.UseStreamsOf(nats).AppName = appName;
    }

    private static async Task<ConsumerInfo> GetConsumerAsync(NatsJetStreamOptions nats, string name)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url });
        return (await new NatsJSContext(connection).GetConsumerAsync(nats.StreamName, name)).Info;
    }

    private static async Task CreateConsumerAsync(NatsJetStreamOptions nats, string name, string description, string filter)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url });
        await new NatsJSContext(connection).CreateOrUpdateConsumerAsync(nats.StreamName, new ConsumerConfig(name)
        {
            Description = description,
            FilterSubject = filter,
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
        });
    }

    private static async Task<List<string>> ConsumerNamesAsync(NatsJetStreamOptions nats)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url });
        var names = new List<string>();
        await foreach (var name in new NatsJSContext(connection).ListConsumerNamesAsync(nats.StreamName))
        {
            names.Add(name);
        }

        return names;
    }
}
