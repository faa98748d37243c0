using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.Transport;

[Collection(NatsCollection.Name)]
public sealed class JetStreamPublisherTests(NatsServerFixture server)
{
    [Fact]
    public async Task Concurrent_publishes_each_get_their_own_sequence()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await using var publisher = await JetStreamPublisher.OpenAsync(nats.Connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        var subject = nats.Subjects.Event("order/placed");

        var acks = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            publisher.PublishAsync(subject, new byte[] { (byte)'{', (byte)'}' }, new NatsHeaders { ["Nats-Msg-Id"] = $"p-{i}" }, CancellationToken.None).AsTask()));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (ulong)i), acks.Select(a => a.Sequence).Order());
        Assert.All(acks, ack => Assert.False(ack.IsDuplicate));
    }

    [Fact]
    public async Task A_publish_the_stream_refuses_gets_the_server_error()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await using var publisher = await JetStreamPublisher.OpenAsync(nats.Connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<NatsJSApiException>(async () => await publisher.PublishAsync(
            nats.Subjects.Event("order/placed"),
            ReadOnlyMemory<byte>.Empty,
            new NatsHeaders { ["Nats-Msg-Id"] = "refused", ["Nats-Expected-Stream"] = "SOME_OTHER_STREAM" },
            CancellationToken.None));

        Assert.Equal(400, refused.Error.Code);
    }

    [Fact]
    public async Task A_publish_no_stream_takes_fails_as_unanswered()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await using var publisher = await JetStreamPublisher.OpenAsync(nats.Connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);

        await Assert.ThrowsAsync<NatsJSPublishNoResponseException>(async () =>
            await publisher.PublishAsync("nobody.listens.here", ReadOnlyMemory<byte>.Empty, new NatsHeaders(), CancellationToken.None));
    }

    [Fact]
    public async Task A_publish_whose_acknowledgement_never_comes_fails_once_the_request_timeout_passes()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var time = new FakeTimeProvider();
        await using var publisher = await JetStreamPublisher.OpenAsync(nats.Connection, TimeSpan.FromSeconds(5), time, CancellationToken.None);
        await using var silent = await nats.Connection.SubscribeCoreAsync<byte[]>("swallowed.here");
        await nats.Connection.PingAsync();

        var publishing = publisher.PublishAsync("swallowed.here", ReadOnlyMemory<byte>.Empty, new NatsHeaders(), CancellationToken.None).AsTask();
        await silent.Msgs.ReadAsync();
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(publishing.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<NatsJSPublishNoResponseException>(() => publishing.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_publish_cancelled_while_its_acknowledgement_is_outstanding_ends_at_once_and_a_late_acknowledgement_is_ignored()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await using var publisher = await JetStreamPublisher.OpenAsync(nats.Connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        await using var slow = await nats.Connection.SubscribeCoreAsync<byte[]>("answered.late");
        await nats.Connection.PingAsync();
        using var cancel = new CancellationTokenSource();

        var publishing = publisher.PublishAsync("answered.late", ReadOnlyMemory<byte>.Empty, new NatsHeaders(), cancel.Token).AsTask();
        var request = await slow.Msgs.ReadAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publishing.WaitAsync(TimeSpan.FromSeconds(30)));

        await nats.Connection.PublishAsync(request.ReplyTo!, """{"stream":"S","seq":7}"""u8.ToArray());
        var next = await publisher.PublishAsync(nats.Subjects.Event("order/placed"), "{}"u8.ToArray(), new NatsHeaders { ["Nats-Msg-Id"] = "after-cancel" }, CancellationToken.None);
        Assert.Equal(1UL, next.Sequence);
    }
}
