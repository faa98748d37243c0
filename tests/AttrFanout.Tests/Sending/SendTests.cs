using System.Collections.Concurrent;
using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Sending;

[Event("tests/sending.order")]
public sealed partial record OrderPlaced(string OrderId);

[Event("tests/sending.orphan")]
public sealed partial record NobodyListens(int Value);

public sealed class OrderLedger
{
    public ConcurrentQueue<(string EventId, string OrderId)> Handled { get; } = new();
}

public static class SendFunctions
{
    [OnEvent("tests/sending.order", Id = "sending-ledger")]
    public static void Record(Event<OrderPlaced> order, FunctionContext context) =>
        context.Services.GetRequiredService<OrderLedger>().Handled.Enqueue((order.Id, order.Data.OrderId));

    [OnEvent("tests/sending.order", Id = "sending-noop")]
    public static void Noop(OrderPlaced order)
    {
    }
}

public sealed class SendTests
{
    private static TestApp CreateApp(Action<AttrFanoutOptions>? configure = null) =>
        TestApp.Create(configure, s => s.AddSingleton<OrderLedger>());

    [Fact]
    public async Task A_send_returns_the_event_id_and_one_run_per_function()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = "order-1" });
        var runs = await app.CompletionOf(result.RunIds);

        Assert.Equal("order-1", result.EventId);
        Assert.False(result.IsDuplicate);
        Assert.Equal(["sending-ledger", "sending-noop"], runs.Select(r => r.FunctionId).Order());
        Assert.All(runs, r => Assert.Equal("order-1", r.EventId));
        Assert.Equal(("order-1", "o-1"), Assert.Single(app.Get<OrderLedger>().Handled));
    }

    [Fact]
    public async Task A_second_send_with_the_same_id_inside_the_window_is_a_duplicate_and_does_not_fan_out()
    {
        await using var app = CreateApp();

        var first = await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = "order-1" });
        await app.CompletionOf(first.RunIds);
        app.Clock.Advance(TimeSpan.FromHours(23));
        var second = await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = "order-1" });

        Assert.True(second.IsDuplicate);
        Assert.Equal("order-1", second.EventId);
        Assert.Equal(first.RunIds, second.RunIds);
        Assert.Equal(0, app.Store.QueuedCount);
        Assert.Single(app.Get<OrderLedger>().Handled);
    }

    [Fact]
    public async Task After_the_idempotency_window_the_same_id_fans_out_again()
    {
        await using var app = CreateApp(o => o.IdempotencyWindow = TimeSpan.FromHours(1));

        var first = await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = "order-1" });
        await app.CompletionOf(first.RunIds);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var again = await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = "order-1" });
        await app.CompletionOf(again.RunIds);

        Assert.False(again.IsDuplicate);
        Assert.Empty(again.RunIds.Intersect(first.RunIds));
        Assert.Equal(2, app.Get<OrderLedger>().Handled.Count);
    }

    [Fact]
    public async Task A_batch_send_accepts_every_event_and_deduplicates_by_the_selected_id()
    {
        await using var app = CreateApp();
        OrderPlaced[] orders = [new("o-1"), new("o-2"), new("o-3")];

        var results = await app.Sender.SendManyAsync(orders, o => "order-" + o.OrderId);
        await app.CompletionOf(results.SelectMany(r => r.RunIds));
        var again = await app.Sender.SendManyAsync(orders, o => "order-" + o.OrderId);

        Assert.Equal(["order-o-1", "order-o-2", "order-o-3"], results.Select(r => r.EventId));
        Assert.All(results, r => Assert.Equal(2, r.RunIds.Count));
        Assert.All(again, r => Assert.True(r.IsDuplicate));
        Assert.Equal(["o-1", "o-2", "o-3"], app.Get<OrderLedger>().Handled.Select(h => h.OrderId).Order());
    }

    [Fact]
    public async Task A_null_payload_gets_an_argument_null_exception_naming_the_event()
    {
        await using var app = CreateApp();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => app.Sender.SendAsync<OrderPlaced>(null!).AsTask());

        Assert.Equal("payload", error.ParamName);
        Assert.Contains("tests/sending.order", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    [InlineData("é")]
    public async Task An_invalid_event_id_gets_a_specific_exception_saying_what_is_allowed(string id)
    {
        await using var app = CreateApp();

        var error = await Assert.ThrowsAsync<InvalidEventIdException>(() => app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = id }).AsTask());

        Assert.Equal(id, error.Id);
        Assert.Contains("printable ASCII", error.Message);
        Assert.Equal(0, app.Store.QueuedCount);
    }

    [Fact]
    public async Task An_id_longer_than_256_characters_is_rejected()
    {
        await using var app = CreateApp();

        await Assert.ThrowsAsync<InvalidEventIdException>(() => app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = new string('a', 257) }).AsTask());
        var accepted = await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = new string('a', 256) });
        Assert.Equal(256, accepted.EventId.Length);
    }

    [Fact]
    public async Task An_event_without_subscribers_is_accepted_with_no_runs_unless_the_options_forbid_it()
    {
        await using (var lenient = CreateApp())
        {
            var result = await lenient.Sender.SendAsync(new NobodyListens(1));
            Assert.Empty(result.RunIds);
        }

        await using var strict = CreateApp(o => o.ThrowOnNoSubscribers = true);
        var error = await Assert.ThrowsAsync<EventNotSubscribedException>(() => strict.Sender.SendAsync(new NobodyListens(1)).AsTask());
        Assert.Equal("tests/sending.orphan", error.EventName);
        Assert.Contains("[OnEvent(\"tests/sending.orphan\")]", error.Message);
    }

    [Fact]
    public async Task The_in_memory_store_forgets_the_oldest_succeeded_runs_beyond_its_retention_but_still_deduplicates()
    {
        await using var app = TestApp.Create(services: s => s
            .AddSingleton<OrderLedger>()
            .AddSingleton<IFanoutStore>(sp => new InMemoryFanoutStore(queueCapacity: 2, sp.GetRequiredService<TimeProvider>(), succeededRunsKept: 2)));

        var first = await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = "order-1" });
        await app.CompletionOf(first.RunIds);
        var second = await app.Sender.SendAsync(new OrderPlaced("o-2"));
        await app.CompletionOf(second.RunIds);
        var third = await app.Sender.SendAsync(new OrderPlaced("o-3"));
        await app.CompletionOf(third.RunIds);

        foreach (var id in first.RunIds)
        {
            Assert.Null(await app.Runs.GetAsync(id));
        }

        Assert.All(await app.GetRunsAsync([.. second.RunIds, .. third.RunIds]), r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.True((await app.Sender.SendAsync(new OrderPlaced("o-1"), new SendOptions { Id = "order-1" })).IsDuplicate);
    }

    [Fact]
    public async Task Only_ids_chosen_by_the_sender_are_remembered_for_deduplication()
    {
        await using var app = CreateApp();

        for (var i = 0; i < 20; i++)
        {
            await app.CompletionOf((await app.Sender.SendAsync(new OrderPlaced($"o-{i}"))).RunIds);
        }

        var chosen = await app.Sender.SendAsync(new OrderPlaced("o-x"), new SendOptions { Id = "order-x" });

        Assert.Equal(1, app.Store.RememberedEventCount);
        Assert.True((await app.Sender.SendAsync(new OrderPlaced("o-x"), new SendOptions { Id = chosen.EventId })).IsDuplicate);
    }
}
