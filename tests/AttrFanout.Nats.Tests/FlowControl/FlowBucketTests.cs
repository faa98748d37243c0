using AttrFanout.Nats.FlowControl;
using AttrFanout.Nats.Tests.Infrastructure;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.FlowControl;

/// <summary>
/// Flow control's shared state on a real server, through two connections as two instances would hold them: every
/// decision is one compare-and-set, so racing writers never both win a place that only one may have.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class FlowBucketTests(NatsServerFixture server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly NatsJetStreamOptions _options = server.NewOptions();
    private NatsConnection _first = null!;
    private NatsConnection _second = null!;
    private JetStreamFlowControl _a = null!;
    private JetStreamFlowControl _b = null!;
    private IdempotencyClaims _claimsA = null!;
    private IdempotencyClaims _claimsB = null!;

    public async Task InitializeAsync()
    {
        _first = new NatsConnection(new NatsOpts { Url = server.Url });
        _second = new NatsConnection(new NatsOpts { Url = server.Url });
        var bucketA = new CompareAndSet(await FlowBucket.OpenAsync(new NatsJSContext(_first), _options, CancellationToken.None));
        var bucketB = new CompareAndSet(await FlowBucket.OpenAsync(new NatsJSContext(_second), _options, CancellationToken.None));
        _a = new JetStreamFlowControl(bucketA);
        _b = new JetStreamFlowControl(bucketB);
        _claimsA = new IdempotencyClaims(bucketA);
        _claimsB = new IdempotencyClaims(bucketB);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_racing_for_a_slot_of_one_never_both_win()
    {
        for (var round = 0; round < 20; round++)
        {
            var slot = "s:sync:doc-" + round;
            var wins = await Task.WhenAll(
                _a.TryAcquireSlotAsync(slot, 1, "a-" + round, Now, Now.AddSeconds(30), CancellationToken.None).AsTask(),
                _b.TryAcquireSlotAsync(slot, 1, "b-" + round, Now, Now.AddSeconds(30), CancellationToken.None).AsTask());

            Assert.Equal(1, wins.Count(static won => won));
            var holders = await _a.GetSlotHoldersAsync(slot, Now, CancellationToken.None);
            Assert.Equal(wins[0] ? "a-" + round : "b-" + round, Assert.Single(holders));
        }
    }

    [Fact]
    public async Task Forty_holders_racing_from_two_instances_for_three_places_get_exactly_three()
    {
        const string slot = "c:summarize:0:acct:ünïcode key.with dots";
        var attempts = Enumerable.Range(0, 40)
            .Select(i => (i % 2 == 0 ? _a : _b).TryAcquireSlotAsync(slot, 3, "run-" + i, Now, Now.AddSeconds(30), CancellationToken.None).AsTask());

        var wins = await Task.WhenAll(attempts);

        Assert.Equal(3, wins.Count(static won => won));
        Assert.Equal(3, (await _b.GetSlotHoldersAsync(slot, Now, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_lease_that_ran_out_frees_its_place_and_a_renewed_one_does_not()
    {
        Assert.True(await _a.TryAcquireSlotAsync("c:f:0:k", 2, "killed", Now, Now.AddSeconds(2), CancellationToken.None));
        Assert.True(await _a.TryAcquireSlotAsync("c:f:0:k", 2, "alive", Now, Now.AddSeconds(2), CancellationToken.None));
        Assert.False(await _b.TryAcquireSlotAsync("c:f:0:k", 2, "waiting", Now.AddSeconds(1), Now.AddSeconds(3), CancellationToken.None));

        Assert.True(await _a.RenewSlotAsync("c:f:0:k", "alive", Now.AddSeconds(10), CancellationToken.None));

        Assert.True(await _b.TryAcquireSlotAsync("c:f:0:k", 2, "waiting", Now.AddSeconds(3), Now.AddSeconds(5), CancellationToken.None));
        Assert.False(await _b.TryAcquireSlotAsync("c:f:0:k", 2, "third", Now.AddSeconds(3), Now.AddSeconds(5), CancellationToken.None));
        Assert.Equal(["alive", "waiting"], (await _a.GetSlotHoldersAsync("c:f:0:k", Now.AddSeconds(3), CancellationToken.None)).Order());
        Assert.False(await _a.RenewSlotAsync("c:f:0:k", "killed", Now.AddSeconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task A_released_place_is_free_at_once_and_a_holder_taking_again_keeps_one_place()
    {
        Assert.True(await _a.TryAcquireSlotAsync("s:f:k", 1, "first", Now, Now.AddSeconds(30), CancellationToken.None));
        Assert.True(await _a.TryAcquireSlotAsync("s:f:k", 1, "first", Now, Now.AddSeconds(30), CancellationToken.None));
        Assert.False(await _b.TryAcquireSlotAsync("s:f:k", 1, "second", Now, Now.AddSeconds(30), CancellationToken.None));

        await _a.ReleaseSlotAsync("s:f:k", "first", CancellationToken.None);
        await _a.ReleaseSlotAsync("s:f:k", "nobody", CancellationToken.None);

        Assert.True(await _b.TryAcquireSlotAsync("s:f:k", 1, "second", Now, Now.AddSeconds(30), CancellationToken.None));
    }

    [Fact]
    public async Task A_rate_bucket_spaces_starts_by_period_over_limit_across_instances()
    {
        var period = TimeSpan.FromSeconds(10);

        Assert.Null(await _a.TryTakeRateAsync("t:f:k", 2, period, 1, Now, CancellationToken.None));
        Assert.Equal(Now.AddSeconds(5), await _b.TryTakeRateAsync("t:f:k", 2, period, 1, Now.AddSeconds(1), CancellationToken.None));
        Assert.Null(await _b.TryTakeRateAsync("t:f:k", 2, period, 1, Now.AddSeconds(5), CancellationToken.None));
        Assert.Equal(Now.AddSeconds(10), await _a.TryTakeRateAsync("t:f:k", 2, period, 1, Now.AddSeconds(5), CancellationToken.None));
        Assert.Null(await _a.TryTakeRateAsync("t:f:other", 2, period, 1, Now.AddSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task Starts_racing_for_a_burst_of_three_from_two_instances_get_exactly_three()
    {
        var takes = Enumerable.Range(0, 30)
            .Select(i => (i % 2 == 0 ? _a : _b).TryTakeRateAsync("r:f:k", 3, TimeSpan.FromHours(1), 3, Now, CancellationToken.None).AsTask());

        var decisions = await Task.WhenAll(takes);

        Assert.Equal(3, decisions.Count(static retryAt => retryAt is null));
    }

    [Fact]
    public async Task An_idempotency_key_claimed_by_one_instance_names_its_first_run_to_the_other()
    {
        var until = Now.AddHours(24);
        var claim = await _claimsA.ClaimAsync("summarize", "doc-1", "evt-1", until, Now, CancellationToken.None);
        Assert.True(claim.Claimed);
        await _claimsA.RecordRunAsync(claim, "evt-1", until, "7-summarize", CancellationToken.None);

        var second = await _claimsB.ClaimAsync("summarize", "doc-1", "evt-2", until, Now.AddHours(1), CancellationToken.None);
        var otherFunction = await _claimsB.ClaimAsync("index", "doc-1", "evt-2", until, Now.AddHours(1), CancellationToken.None);
        var afterItRanOut = await _claimsB.ClaimAsync("summarize", "doc-1", "evt-3", Now.AddHours(48), Now.AddHours(25), CancellationToken.None);

        Assert.Equal((false, "7-summarize"), (second.Claimed, second.FirstRunId));
        Assert.True(otherFunction.Claimed);
        Assert.True(afterItRanOut.Claimed);
    }

    [Fact]
    public async Task A_claim_given_back_after_a_failed_publish_is_taken_by_the_next_send_at_once()
    {
        var until = Now.AddHours(24);
        var claim = await _claimsA.ClaimAsync("summarize", "doc-2", "evt-1", until, Now, CancellationToken.None);
        Assert.True(claim.Claimed);

        var waiting = _claimsB.ClaimAsync("summarize", "doc-2", "evt-2", until, Now, CancellationToken.None).AsTask();
        await _claimsA.ReleaseAsync(claim, CancellationToken.None);
        var next = await waiting.WaitAsync(TimeSpan.FromSeconds(8));

        Assert.True(next.Claimed);
        Assert.Null(next.FirstRunId);
    }

    [Fact]
    public async Task Racing_sends_of_one_key_create_one_run_and_the_other_names_it()
    {
        var until = Now.AddHours(24);
        var claims = await Task.WhenAll(
            ClaimAndPublishAsync(_claimsA, "evt-a", "11-notify"),
            ClaimAndPublishAsync(_claimsB, "evt-b", "12-notify"));

        Assert.Equal(1, claims.Count(static c => c.Claimed));
        var winner = claims.Single(static c => c.Claimed).RunId;
        Assert.Equal(winner, claims.Single(static c => !c.Claimed).RunId);

        async Task<(bool Claimed, string RunId)> ClaimAndPublishAsync(IdempotencyClaims claims, string eventId, string runId)
        {
            var claim = await claims.ClaimAsync("notify", "user-1", eventId, until, Now, CancellationToken.None);
            if (!claim.Claimed)
            {
                return (false, claim.FirstRunId!);
            }

            await claims.RecordRunAsync(claim, eventId, until, runId, CancellationToken.None);
            return (true, runId);
        }
    }
}
