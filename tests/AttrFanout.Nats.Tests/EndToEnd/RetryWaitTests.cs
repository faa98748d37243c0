using AttrFanout.Nats.Retries;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>Runs waiting for a retry live in the retry bucket, out of the function consumer's pending set.</summary>
[Collection(NatsCollection.Name)]
public sealed class RetryWaitTests(NatsServerFixture server)
{
    /// <summary>More than a consumer's <c>MaxAckPending</c> (1,000 by default, which the store keeps).</summary>
    private const int Waiting = 1_100;

    private const string Function = "call-webhook";

    [Fact]
    public async Task More_runs_waiting_for_a_retry_than_max_ack_pending_never_stall_the_functions_healthy_runs()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NatsApp.Create(server, configureNats: n => n.RetryClock = clock);
        await app.StartAsync();

        await SendAsync(app, Enumerable.Range(0, Waiting).Select(i => new WebhookCall($"down-{i}", Down: true)));
        await app.Journal.WaitUntilAsync(() => Count(app, "down-", 1) >= Waiting, $"{Waiting} first attempts of down calls");

        var healthyStart = TimeProvider.System.GetTimestamp();
        await SendAsync(app, Enumerable.Range(0, 50).Select(i => new WebhookCall($"up-{i}", Down: false)));
        await app.Journal.WaitUntilAsync(() => Count(app, "up-", 1) >= 50, "50 healthy runs");
        Assert.True(TimeProvider.System.GetElapsedTime(healthyStart) < TimeSpan.FromSeconds(20), "healthy runs completed promptly");
        Assert.Equal(0, Count(app, "down-", 2));

        // The store's own timer replays the waiting runs once their minute has passed, and each gets its second attempt.
        clock.SetUtcNow(DateTimeOffset.UtcNow + Webhooks.RetryAfter + TimeSpan.FromSeconds(5));
        await app.Journal.WaitUntilAsync(() => Count(app, "down-", 2) >= Waiting, $"{Waiting} second attempts");

        // Exactly one replay per wait: no attempt of a run happens twice (later waits are due at once on this clock).
        Assert.All(app.Journal.Attempts.Where(a => a.FunctionId == Function && a.Subject.StartsWith("down-", StringComparison.Ordinal)).GroupBy(a => a.Subject),
            g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(a => a.Number).Order()));
    }

    [Fact]
    public async Task A_retry_scheduled_before_a_crash_still_happens_in_the_next_process()
    {
        var first = NatsApp.Create(server, configureNats: n => n.RetryClock = new FakeTimeProvider(DateTimeOffset.UtcNow));
        var nats = first.Nats;
        try
        {
            await first.StartAsync();
            await first.Sender.SendAsync(new WebhookCall("crash-1", Down: true));
            await first.Journal.WaitUntilAsync(() => Count(first, "crash-1", 1) == 1, "the first attempt");
            await Eventually.PollAsync(() => WaitingKeysAsync(nats), count => count == 1, "the wait recorded in the retry bucket");
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The next process, a minute later: the wait is due and replayed, with the attempt already made.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + Webhooks.RetryAfter + TimeSpan.FromSeconds(5));
        await using var next = NatsApp.Create(server, configureNats: n =>
        {
            n.UseStreamsOf(nats);
            n.RetryClock = later;
        });
        await next.StartAsync();
        await next.Journal.WaitUntilAsync(() => Count(next, "crash-1", 2) == 1, "the second attempt in the next process");
        Assert.Equal(0, Count(next, "crash-1", 1));

        // Later waits are due at once on this clock: the run goes on through its attempts, each exactly once.
        var numbers = next.Journal.Attempts.Where(a => a.Subject == "crash-1").Select(a => a.Number).Order().ToArray();
        Assert.Equal(Enumerable.Range(2, numbers.Length), numbers);
    }

    [Fact]
    public async Task The_runs_waiting_in_the_retry_bucket_are_counted_per_function_for_the_waiting_gauge()
    {
        await using var app = NatsApp.Create(server, configureNats: n => n.RetryClock = new FakeTimeProvider(DateTimeOffset.UtcNow));
        await app.StartAsync();
        var store = app.Provider.GetRequiredService<AttrFanout.Stores.IFanoutStore>();

        await SendAsync(app, [new WebhookCall("gauge-1", Down: true), new WebhookCall("gauge-2", Down: true)]);
        await app.Journal.WaitUntilAsync(() => Count(app, "gauge-", 1) == 2, "the first attempts");

        await Eventually.PollAsync(() => Task.FromResult(store.CountWaitingRuns(Function)), count => count == 2, "two runs waiting for their retry");
        Assert.Equal(0, store.CountWaitingRuns("charge-card"));
    }

    private static int Count(NatsApp app, string subjectPrefix, int attempt) =>
        app.Journal.Attempts.Count(a => a.FunctionId == Function && a.Number == attempt && a.Subject.StartsWith(subjectPrefix, StringComparison.Ordinal));

    private static async Task SendAsync(NatsApp app, IEnumerable<WebhookCall> calls)
    {
        foreach (var chunk in calls.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(call => app.Sender.SendAsync(call).AsTask()));
        }
    }

    private static async Task<int> WaitingKeysAsync(NatsJetStreamOptions nats)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url });
        var store = await new NatsKVContext(new NatsJSContext(connection)).GetStoreAsync(RetryBucket.BucketName(nats));
        var count = 0;
        await foreach (var _ in store.GetKeysAsync())
        {
            count++;
        }

        return count;
    }
}
