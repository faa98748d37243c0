namespace AttrFanout.Nats;

/// <summary>How AttrFanout uses a NATS JetStream server.</summary>
public sealed class NatsJetStreamOptions
{
    /// <summary>Gets or sets the server URL (several may be comma-separated).</summary>
    /// <value>Defaults to <c>nats://localhost:4222</c>.</value>
    public string Url { get; set; } = "nats://localhost:4222";

    /// <summary>Gets or sets the stream holding events and replays.</summary>
    /// <value>Defaults to <c>ATTRFANOUT</c>.</value>
    public string StreamName { get; set; } = "ATTRFANOUT";

    /// <summary>Gets or sets the stream holding dead letters (runs that exhausted their attempts, and unroutable messages).</summary>
    /// <value>Defaults to <c>ATTRFANOUT_DEAD</c>.</value>
    public string DeadLetterStreamName { get; set; } = "ATTRFANOUT_DEAD";

    /// <summary>Gets or sets the first subject tokens of every subject AttrFanout uses.</summary>
    /// <value>Defaults to <c>attrfanout</c>: events go to <c>attrfanout.events.…</c>.</value>
    public string SubjectPrefix { get; set; } = "attrfanout";

    /// <summary>Gets or sets where the server stores the streams.</summary>
    /// <value>Defaults to <see cref="NatsStorage.File"/>.</value>
    public NatsStorage Storage { get; set; } = NatsStorage.File;

    /// <summary>Gets or sets how many servers of a cluster keep a copy of each stream and consumer (1, 3 or 5).</summary>
    /// <value>Defaults to 1.</value>
    public int Replicas { get; set; } = 1;

    /// <summary>Gets or sets how long the server treats a later publish with the same event Id as a duplicate (the stream's duplicate window).</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="AttrFanoutOptions.IdempotencyWindow"/> (24 hours unless changed).</value>
    public TimeSpan? DuplicateWindow { get; set; }

    /// <summary>
    /// Gets or sets how long the server waits for a delivered run's outcome before it redelivers the run to another
    /// instance; a function's timeout, when longer, extends it. Running attempts send in-progress acks meanwhile.
    /// </summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long one pull request waits on the server for a message.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan FetchExpiry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets whether this app runs the intake: it routes events published to the ingress subjects (by other
    /// producers, or by an app that knew of no function for them) to the functions that take them, and moves messages
    /// that no function can take (unknown event, undecodable subject) to the dead-letter stream. Without an intake in
    /// any app sharing the stream, the server keeps no message published to an ingress subject, and this app publishes
    /// every event straight to its routed subject, where an event no function takes is not kept either.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool DeadLetterUnroutable { get; set; } = true;

    /// <summary>
    /// Gets or sets the app's name on the server. It is written into the app's function consumers, so two separately
    /// built apps that each declare a function with the same Id on one stream never silently share its runs: the app
    /// that finds the Id taken by another does not start its functions, with an error naming the Id and both apps.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the app's assembly name, from its generated registration.</value>
    public string? AppName { get; set; }

    /// <summary>
    /// Gets or sets whether the app deletes, at start, the consumers it made for functions it no longer declares (removed
    /// or renamed), which otherwise keep every later event of their subject in the stream. Consumers of other apps are
    /// never touched. Set it only once no instance of an older version of the app (which still runs the function) is running.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>: such consumers are named in a warning at start.</value>
    public bool DeleteOrphanedConsumers { get; set; }

    /// <summary>Gets or sets the clock of the timer that replays runs waiting for a retry; tests set a fake one.</summary>
    internal TimeProvider? RetryClock { get; set; }

    internal void Validate()
    {
        static void Fail(string message) => throw new AttrFanoutConfigurationException("NATS JetStream: " + message);

        if (string.IsNullOrWhiteSpace(Url))
        {
            Fail("Url is required, e.g. 'nats://localhost:4222'.");
        }

        if (!IsValidName(StreamName) || !IsValidName(DeadLetterStreamName) || StreamName == DeadLetterStreamName)
        {
            Fail($"StreamName '{StreamName}' and DeadLetterStreamName '{DeadLetterStreamName}' must differ and use only letters, digits, '-' and '_'.");
        }

        if (Replicas is < 1 or > 5)
        {
            Fail($"Replicas is {Replicas}; use 1 to 5 (3 in a three-server cluster).");
        }

        if (DuplicateWindow <= TimeSpan.Zero || AckWait < TimeSpan.FromSeconds(1) || FetchExpiry < TimeSpan.FromSeconds(2))
        {
            Fail("DuplicateWindow must be positive, AckWait at least 1 second and FetchExpiry at least 2 seconds.");
        }

        if (AppName is not null && (AppName.Length == 0 || AppName.Contains('\'', StringComparison.Ordinal)))
        {
            Fail($"AppName '{AppName}' must be non-empty and contain no quote.");
        }

        try
        {
            _ = new Subjects.SubjectLayout(SubjectPrefix);
        }
        catch (ArgumentException e)
        {
            Fail(e.Message);
        }
    }

    private static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
