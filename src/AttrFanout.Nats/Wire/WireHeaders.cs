namespace AttrFanout.Nats.Wire;

/// <summary>The header names AttrFanout writes; the payload is the message body, as is.</summary>
internal static class WireHeaders
{
    /// <summary>The event Id, which JetStream uses to drop duplicate publishes.</summary>
    public const string MessageId = "Nats-Msg-Id";

    /// <summary>When the event was accepted, round-trip ISO 8601.</summary>
    public const string EventTime = "AttrFanout-Event-Time";

    /// <summary>The event name, on messages whose subject does not carry it (replays, dead letters).</summary>
    public const string EventName = "AttrFanout-Event";

    /// <summary>The event Id, on dead letters (whose own message Id differs).</summary>
    public const string EventId = "AttrFanout-Event-Id";

    /// <summary>
    /// On an event the intake routed: the stream sequence of the message it came from on the ingress subject. Its message
    /// Id is derived from that sequence, so the event Id travels in <see cref="EventId"/>.
    /// </summary>
    public const string IngressSequence = "AttrFanout-Ingress-Seq";

    /// <summary>The run Id, on replays and dead letters.</summary>
    public const string RunId = "AttrFanout-Run-Id";

    /// <summary>The function, on dead letters.</summary>
    public const string FunctionId = "AttrFanout-Function";

    /// <summary>The full name of the last error's type, on dead letters.</summary>
    public const string ErrorType = "AttrFanout-Error-Type";

    /// <summary>The last error's message, on dead letters.</summary>
    public const string Error = "AttrFanout-Error";

    /// <summary>The attempts made: on dead letters, and on a run handed back at shutdown (which carries them on).</summary>
    public const string Attempts = "AttrFanout-Attempts";

    /// <summary>When the run failed, on dead letters.</summary>
    public const string FailedAt = "AttrFanout-Failed-At";

    /// <summary>The subject the failed message was published to, on dead letters.</summary>
    public const string SourceSubject = "AttrFanout-Source-Subject";

    /// <summary>The stream sequence of the failed message, on dead letters.</summary>
    public const string SourceSequence = "AttrFanout-Source-Seq";

    /// <summary>
    /// Prefix of a run's flow-control keys (<see cref="AttrFanout.FlowControl.RunKeys.Encode"/>), one header per function:
    /// <c>AttrFanout-Keys-{function Id}</c>, on events, replays, hand-backs and retries.
    /// </summary>
    public const string KeysPrefix = "AttrFanout-Keys-";

    /// <summary>
    /// Prefix of the header that says a function's run of the event was not created because its idempotency key was taken:
    /// <c>AttrFanout-Idempotent-{function Id}</c>, whose value is the first run's Id. The function's consumer acknowledges it unrun.
    /// </summary>
    public const string IdempotentPrefix = "AttrFanout-Idempotent-";

    /// <summary>How an ended run that did not fail ended (<c>Skipped</c>, <c>Cancelled</c>), on the dead-letter stream.</summary>
    public const string Status = "AttrFanout-Status";

    /// <summary>Why a run was skipped or cancelled, on the dead-letter stream.</summary>
    public const string Reason = "AttrFanout-Reason";
}
