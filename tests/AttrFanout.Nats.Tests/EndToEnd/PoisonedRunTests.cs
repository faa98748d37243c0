using System.Text;
using AttrFanout.Conformance;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>
/// Every delivery the store cannot decode is handed to the engine poisoned and failed through its one path: a dead letter
/// with the cause, <c>attrfanout/function.failed</c> once, and <c>attrfanout.runs.failed</c>.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class PoisonedRunTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_message_that_is_no_valid_event_fails_through_the_engine()
    {
        using var meter = new FailedRunsMeter();
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        await PublishRawAsync(app, Routed(app, OrderPlaced.EventName), """{"OrderId":"x","Amount":1}""", headers: null);

        await ExpectFailedAsync(app, meter, NatsApp.OrderFunctions, typeof(InvalidMessageException).FullName!, "no 'Nats-Msg-Id' header");
    }

    [Fact]
    public async Task A_payload_that_does_not_deserialize_fails_through_the_engine()
    {
        using var meter = new FailedRunsMeter();
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        await PublishRawAsync(app, Routed(app, OrderPlaced.EventName), "\u0001not json", EventHeaders("garbage-2"));

        var failed = await ExpectFailedAsync(app, meter, NatsApp.OrderFunctions, typeof(PayloadSerializationException).FullName!, "shop/order.placed");
        Assert.All(failed, r => Assert.Equal("garbage-2", r.EventId));
        Assert.All(app.Journal.Failures, f => Assert.Equal("garbage-2", f.EventId));
    }

    [Fact]
    public async Task A_replay_of_an_event_this_app_does_not_declare_fails_through_the_engine()
    {
        using var meter = new FailedRunsMeter();
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        var headers = EventHeaders("ghost-1");
        headers[WireHeaders.EventName] = "shop/never.declared";
        headers[WireHeaders.RunId] = "ghost-run";
        await PublishRawAsync(app, new SubjectLayout(app.Nats.SubjectPrefix).Replay("charge-card"), "{}", headers);

        var failed = await ExpectFailedAsync(app, meter, ["charge-card"], typeof(UnknownEventException).FullName!, "'shop/never.declared' is not declared");
        Assert.Equal("ghost-run", Assert.Single(failed).RunId);
    }

    [Fact]
    public async Task A_run_whose_attempts_were_used_up_by_processes_that_died_fails_through_the_engine()
    {
        using var meter = new FailedRunsMeter();
        await using var app = NatsApp.Create(server, configureNats: n => n.AckWait = TimeSpan.FromSeconds(1));
        var store = (NatsJetStreamStore)app.Provider.GetRequiredService<IFanoutStore>();
        var session = await store.OpenAsync(CancellationToken.None);
        var payload = Encoding.UTF8.GetBytes("""{"OrderId":"died-1","Amount":1}""");
        await session.Publisher.PublishAsync(new WireEvent("died-1", OrderPlaced.EventName, DateTimeOffset.UtcNow, payload, null), CancellationToken.None);

        // reserve-stock has 3 attempts: three processes take its delivery and die without an outcome.
        var dying = new DurableConsumer(session.Js, app.Nats.StreamName, ConsumerNames.Function("reserve-stock"));
        for (var delivery = 1; delivery <= 3; delivery++)
        {
            Assert.Single(await dying.FetchAsync(1, TimeSpan.FromSeconds(5), CancellationToken.None));
        }

        await app.StartAsync();
        var failed = await ExpectFailedAsync(app, meter, ["reserve-stock"], typeof(TimeoutException).FullName!, "no outcome in its 3 attempt(s)");
        Assert.Equal(3, Assert.Single(failed).Attempts);
        Assert.Equal("died-1", Assert.Single(app.Journal.Failures).EventId);
    }

    private static async Task<IReadOnlyList<FunctionRun>> ExpectFailedAsync(NatsApp app, FailedRunsMeter meter, IReadOnlyList<string> functions, string errorType, string inMessage)
    {
        var failed = await Eventually.PollAsync(
            () => app.Runs.ListFailedAsync().AsTask(),
            runs => runs.Count >= functions.Count,
            $"{functions.Count} dead letter(s)");
        Assert.Equal(functions.Order(), failed.Select(r => r.FunctionId).Order());
        Assert.All(failed, r => Assert.Equal(errorType, r.ErrorType));
        Assert.All(failed, r => Assert.Contains(inMessage, r.ErrorMessage));

        await app.Journal.WaitUntilAsync(() => app.Journal.Failures.Count >= functions.Count, "the failure events");
        Assert.Equal(failed.Select(r => r.RunId).Order(), app.Journal.Failures.Select(f => f.RunId).Order());
        Assert.All(app.Journal.Failures, f => Assert.Equal(errorType, f.ErrorType));
        Assert.All(functions, f => Assert.Equal(1, meter.Of(f)));
        return failed;
    }

    private static string Routed(NatsApp app, string eventName) => new SubjectLayout(app.Nats.SubjectPrefix).Routed(eventName);

    private static NatsHeaders EventHeaders(string eventId) => new()
    {
        [WireHeaders.MessageId] = eventId,
        [WireHeaders.EventTime] = HeaderText.Time(DateTimeOffset.UtcNow),
    };

    private static async Task PublishRawAsync(NatsApp app, string subject, string body, NatsHeaders? headers)
    {
        await using var raw = new NatsConnection(new NatsOpts { Url = app.Nats.Url });
        await raw.PublishAsync(subject, Encoding.UTF8.GetBytes(body), headers);
        await raw.PingAsync(); // flushed before the connection closes
    }
}
