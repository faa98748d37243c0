using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.Store;

public sealed class ServerRestartTests
{
    [Fact]
    public async Task A_feed_whose_pull_requests_died_with_the_server_takes_what_is_published_after_the_restart()
    {
        await using var server = new RestartableServer();
        await server.StartAsync();
        var options = new NatsJetStreamOptions { Url = server.Url, FetchExpiry = TimeSpan.FromSeconds(2) };
        await using var connection = new NatsConnection(new NatsOpts { Url = server.Url });
        var js = new NatsJSContext(connection);
        var subjects = new SubjectLayout(options.SubjectPrefix);
        var provisioner = new JetStreamProvisioner(js, new JetStreamTopology(options, subjects));
        await provisioner.EnsureStreamsAsync(CancellationToken.None);
        await provisioner.EnsureFunctionAsync(new FunctionSubscription("pack", "order/paid", 3, TimeSpan.FromSeconds(30)), CancellationToken.None);
        await using var publisher = await JetStreamPublisher.OpenAsync(connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        var events = new EventPublisher(publisher, subjects, EventRoutes.Direct(subjects));
        var pull = await PullSubscription.OpenAsync(
            js, options.StreamName, [ConsumerNames.Function("pack"), ConsumerNames.Replay("pack")], 64, options.FetchExpiry, TimeProvider.System, static (_, _, _) => { }, CancellationToken.None);
        var feed = new ConsumerFeed(pull, 2, 2, TimeSpan.FromSeconds(30));
        await using var clock = new ProgressClock([feed], new(), TimeProvider.System);
        var waiting = feed.WaitAsync(CancellationToken.None).AsTask();
        await Eventually.PollAsync(
            async () => (await js.GetConsumerAsync(options.StreamName, ConsumerNames.Function("pack"))).Info.NumWaiting,
            static count => count > 0,
            "the feed's pull request to wait on the server");

        await server.StopAsync();
        await server.StartAsync();
        await Eventually.PollAsync(
            async () =>
            {
                try
                {
                    await events.PublishAsync(WireEvents.Create("order/paid", "after-restart"), CancellationToken.None);
                    return true;
                }
                catch (Exception error) when (error is NatsException or NatsJSException)
                {
                    return false;
                }
            },
            static published => published,
            "a publish after the restart");
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(feed.TryTake(out var message));
        Assert.Equal("after-restart", message.Headers?["Nats-Msg-Id"].ToString());
        await message.AckAsync(CancellationToken.None);
        await feed.ReleaseAllAsync();
    }
}
