using AttrFanout.Nats.Subjects;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Provisioning;

/// <summary>
/// The streams and consumers AttrFanout needs, as server configurations.
/// </summary>
/// <remarks>
/// The event stream keeps a message while any consumer still has interest in it. Each function has two durable pull
/// consumers, since a 2.9 server allows one filter subject per consumer: <c>F_{id}</c> on its event's routed subject and
/// <c>R_{id}</c> on its replay subject; a function with several triggers has one more, <c>F_{id}_T{hash}</c>, on the routed
/// subject of each later trigger's event. The intake consumer reads the ingress subjects only, so events published straight
/// to their routed subject cost it nothing. <c>MaxDeliver</c> is the function's attempts plus one: the extra delivery only
/// happens when every attempt ended without a reported outcome (the processes died or hung), and dead-letters the run
/// instead of letting the server drop it silently.
/// </remarks>
internal sealed class JetStreamTopology(NatsJetStreamOptions options, SubjectLayout subjects)
{
    /// <summary>Gets the app whose consumers these are: the option, else the app's assembly name (set by the store).</summary>
    public string App => options.AppName ?? "app";

    private static readonly TimeSpan DeadLetterDuplicateWindow = TimeSpan.FromMinutes(2);

    public SubjectLayout Subjects => subjects;

    public string EventStreamName => options.StreamName;

    public string DeadLetterStreamName => options.DeadLetterStreamName;

    public StreamConfig EventStream() => new(options.StreamName, [subjects.AllEvents, subjects.AllRouted, subjects.AllReplays])
    {
        Description = "AttrFanout events and replays",
        Retention = StreamConfigRetention.Interest,
        Storage = Storage,
        NumReplicas = options.Replicas,
        DuplicateWindow = options.DuplicateWindow ?? TimeSpan.FromHours(24),
        Discard = StreamConfigDiscard.Old,
    };

    public StreamConfig DeadLetterStream() => new(options.DeadLetterStreamName, [subjects.AllDeadLetters])
    {
        Description = "AttrFanout dead letters: runs that exhausted their attempts, and messages no function can take",
        Retention = StreamConfigRetention.Limits,
        Storage = Storage,
        NumReplicas = options.Replicas,
        DuplicateWindow = DeadLetterDuplicateWindow,
    };

    public ConsumerConfig FunctionConsumer(FunctionSubscription function) => TriggerConsumer(function, 0);

    /// <summary>The consumers of each of the function's triggers, the first being <see cref="FunctionConsumer"/>.</summary>
    public IEnumerable<ConsumerConfig> TriggerConsumers(FunctionSubscription function) =>
        function.TriggerEvents.Select((_, index) => TriggerConsumer(function, index));

    private ConsumerConfig TriggerConsumer(FunctionSubscription function, int index) => new(ConsumerNames.Trigger(function.FunctionId, function.TriggerEvents[index], index))
    {
        Description = $"AttrFanout function '{function.FunctionId}'{ConsumerOwners.Phrase(App)} on event '{function.TriggerEvents[index]}'",
        FilterSubject = subjects.Routed(function.TriggerEvents[index]),
        DeliverPolicy = ConsumerConfigDeliverPolicy.New,
        AckPolicy = ConsumerConfigAckPolicy.Explicit,
        AckWait = function.AckWait,
        MaxDeliver = function.Attempts + 1,
        NumReplicas = options.Replicas,
    };

    public ConsumerConfig ReplayConsumer(FunctionSubscription function) => new(ConsumerNames.Replay(function.FunctionId))
    {
        Description = $"AttrFanout replays of function '{function.FunctionId}'{ConsumerOwners.Phrase(App)}",
        FilterSubject = subjects.Replay(function.FunctionId),
        DeliverPolicy = ConsumerConfigDeliverPolicy.All,
        AckPolicy = ConsumerConfigAckPolicy.Explicit,
        AckWait = function.AckWait,
        MaxDeliver = function.Attempts + 1,
        NumReplicas = options.Replicas,
    };

    public ConsumerConfig IntakeConsumer() => new(ConsumerNames.Intake)
    {
        Description = "AttrFanout intake: routes events published to the ingress subjects, and moves those no function can take to the dead-letter stream",
        FilterSubject = subjects.AllEvents,
        DeliverPolicy = ConsumerConfigDeliverPolicy.New,
        AckPolicy = ConsumerConfigAckPolicy.Explicit,
        AckWait = options.AckWait,
        NumReplicas = options.Replicas,
    };

    private StreamConfigStorage Storage => options.Storage == NatsStorage.Memory ? StreamConfigStorage.Memory : StreamConfigStorage.File;
}
