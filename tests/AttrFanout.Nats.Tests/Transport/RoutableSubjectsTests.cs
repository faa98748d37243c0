using AttrFanout.Nats.Intake;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Nats.Tests.Transport;

[Collection(NatsCollection.Name)]
public sealed class RoutableSubjectsTests(NatsServerFixture server)
{
    [Fact]
    public async Task Subjects_read_longer_ago_than_their_max_age_are_read_again_on_lookup()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var time = new FakeTimeProvider();
        var routable = new RoutableSubjects(nats.Js, nats.Options.StreamName, time);
        await routable.RefreshAsync(CancellationToken.None);
        var routed = nats.Subjects.Routed("order/paid");

        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/paid", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        Assert.False(routable.Contains(routed));
        time.Advance(RoutableSubjects.MaxAge);
        Assert.False(routable.Contains(routed));

        time.Advance(TimeSpan.FromSeconds(1));
        // This lookup answers from the stale subjects and starts reading them again; the read may already have ended
        // by the time it answers, so only the next lookups are asserted.
        _ = routable.Contains(routed);
        await Eventually.PollAsync(() => Task.FromResult(routable.Contains(routed)), found => found, "the new consumer's subject");
    }

    [Fact]
    public async Task The_intake_reads_again_at_once_when_a_subject_is_missing_but_at_most_once_a_second()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var time = new FakeTimeProvider();
        var routable = new RoutableSubjects(nats.Js, nats.Options.StreamName, time);
        var routed = nats.Subjects.Routed("order/paid");
        Assert.False(await routable.IsRoutableAsync(routed, CancellationToken.None));

        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/paid", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        Assert.False(await routable.IsRoutableAsync(routed, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.True(await routable.IsRoutableAsync(routed, CancellationToken.None));
    }

    [Fact]
    public async Task The_intake_reads_again_before_it_looks_once_the_subjects_are_older_than_their_max_age()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var time = new FakeTimeProvider();
        var routable = new RoutableSubjects(nats.Js, nats.Options.StreamName, time);
        var routed = nats.Subjects.Routed("order/paid");
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/paid", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        Assert.True(await routable.IsRoutableAsync(routed, CancellationToken.None));

        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/shipped", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        time.Advance(RoutableSubjects.MaxAge);
        Assert.True(await routable.IsRoutableAsync(routed, CancellationToken.None));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await routable.IsRoutableAsync(routed, CancellationToken.None));
    }
}
