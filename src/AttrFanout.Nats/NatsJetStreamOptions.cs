using System.ComponentModel.DataAnnotations;
using NATS.Client.Core;

namespace AttrFanout.Nats;

/// <summary>
/// How AttrFanout uses a NATS JetStream server. Every setting has a key under the <c>AttrFanout:Nats</c> configuration
/// section (e.g. <c>AttrFanout:Nats:StreamName</c>); what code sets in <c>UseNatsJetStream(..., n =&gt; ...)</c> wins
/// over the section.
/// </summary>
public sealed class NatsJetStreamOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "AttrFanout:Nats";

    /// <summary>
    /// Gets or sets the server URL (several may be comma-separated), used when AttrFanout opens its own connection: with
    /// <c>UseNatsJetStream(url)</c>, or with <c>UseNatsJetStream()</c> when the app registered no <see cref="INatsConnection"/>.
    /// Prefer <see cref="ConfigureConnection"/> or the app's own connection for credentials; any user information in
    /// the URL is never written to logs, errors or health output.
    /// </summary>
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
    [Range(1, 5)]
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

    // Fields, not properties: the configuration binder's generator binds every settable property it can see.

    /// <summary>The clock of the timer that replays runs waiting for a retry; tests set a fake one.</summary>
    internal TimeProvider? RetryClock;

    /// <summary>The app's own connection (registered in DI), used instead of opening one; never disposed here.</summary>
    internal INatsConnection? SharedConnection;

    /// <summary>The hook that adjusts the options of a connection AttrFanout opens itself.</summary>
    internal Func<NatsOpts, NatsOpts>? ConnectionOptions;

    /// <summary>
    /// Attaches to the streams and buckets an app created, creating and changing nothing: a missing one is an error instead
    /// (for tools that read and steer an app's runs, such as the command-line tool).
    /// </summary>
    internal bool AttachOnly;

    /// <summary>
    /// Adjusts the options of the connection AttrFanout opens itself from <see cref="Url"/>: credentials
    /// (<see cref="NatsOpts.AuthOpts"/>: user and password, token, NKey, creds file), TLS (<see cref="NatsOpts.TlsOpts"/>),
    /// the inbox prefix, reconnect timing. Not used when AttrFanout uses the app's own <see cref="INatsConnection"/>
    /// (<c>AddNatsClient</c>), whose options are the app's. Calls add up, in order.
    /// </summary>
    /// <param name="configure">Returns the options to connect with, e.g. <c>o =&gt; o with { AuthOpts = ... }</c>.</param>
    /// <returns>These options.</returns>
    public NatsJetStreamOptions ConfigureConnection(Func<NatsOpts, NatsOpts> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var before = ConnectionOptions;
        ConnectionOptions = before is null ? configure : opts => configure(before(opts));
        return this;
    }
}
