using AttrFanout.Nats.Intake;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.Transport;

[Collection(NatsCollection.Name)]
public sealed class EventRoutesTests(NatsServerFixture server)
{
    [Fact]
    public async Task Events_some_function_takes_go_to_their_routed_subject_and_the_others_to_the_ingress()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/paid", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        var routable = new RoutableSubjects(nats.Js, nats.Options.StreamName, TimeProvider.System);
        var routes = new EventRoutes(nats.Subjects, new HashSet<string> { "user/signup" }, routable);

        Assert.Equal(nats.Subjects.Event("order/paid"), routes.SubjectOf("order/paid"));
        await routable.RefreshAsync(CancellationToken.None);

        Assert.Equal(nats.Subjects.Routed("order/paid"), routes.SubjectOf("order/paid"));
        Assert.Equal(nats.Subjects.Routed("user/signup"), routes.SubjectOf("user/signup"));
        Assert.Equal(nats.Subjects.Event("nobody/listens"), routes.SubjectOf("nobody/listens"));
    }

    [Fact]
    public async Task Without_an_intake_every_event_goes_to_its_routed_subject()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var routes = EventRoutes.Direct(nats.Subjects);

        Assert.Equal(nats.Subjects.Routed("nobody/listens"), routes.SubjectOf("nobody/listens"));
    }
}
