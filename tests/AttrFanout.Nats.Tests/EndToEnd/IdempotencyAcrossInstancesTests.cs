using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>Two instances of one app on one server send events with the same idempotency keys at the same time.</summary>
[Collection(NatsCollection.Name)]
public sealed class IdempotencyAcrossInstancesTests(NatsServerFixture server)
{
    [Fact]
    public async Task Racing_sends_of_one_key_from_two_instances_create_one_run_and_both_name_it()
    {
        await using var store = new NatsFlowControlStore(server.NewOptions());
        await using var first = await store.StartAsync();
        await using var second = await store.StartAsync();
        var test = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(0, 8).Select(i => "doc-" + i).ToArray();

        var pairs = await Task.WhenAll(keys.Select(async key =>
        {
            var sends = await Task.WhenAll(
                first.Sender.SendAsync(new IdempotentJob(test, key)).AsTask(),
                second.Sender.SendAsync(new IdempotentJob(test, key)).AsTask());
            return (Key: key, First: sends[0], Second: sends[1]);
        }));

        foreach (var (key, a, b) in pairs)
        {
            Assert.NotEqual(a.EventId, b.EventId);
            Assert.Equal(a.RunIds.Single(), b.RunIds.Single());
        }

        var runIds = pairs.Select(static p => p.First.RunIds.Single()).ToArray();
        Assert.Equal(keys.Length, runIds.Distinct().Count());
        await store.UntilAsync(() => Task.FromResult(keys.All(k => FlowProbe.Starts(test, k).Length == 1)), "each key's one run starts");
        var barrier = await first.Sender.SendAsync(new IdempotentJob(test, "barrier"));
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Starts(test, "barrier").Length == 1), "a later run starts");
        await second.Sender.SendAsync(new IdempotentJob(test, "barrier-2"));
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Starts(test, "barrier-2").Length == 1), "a later run of the other instance starts");
        Assert.All(keys, k => Assert.Single(FlowProbe.Starts(test, k)));
        Assert.Equal(runIds.Order(), keys.Select(k => FlowProbe.Starts(test, k).Single().RunId).Order());
    }
}
