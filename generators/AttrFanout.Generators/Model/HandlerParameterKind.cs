namespace AttrFanout.Generators.Model;

/// <summary>What a handler parameter receives.</summary>
internal enum HandlerParameterKind
{
    Payload,
    Envelope,
    Context,
    CancellationToken,

    /// <summary><c>IReadOnlyList&lt;TPayload&gt;</c>: the payloads of a batch (<c>[Batch]</c>).</summary>
    PayloadList,

    /// <summary><c>IReadOnlyList&lt;Event&lt;TPayload&gt;&gt;</c>: the events of a batch (<c>[Batch]</c>).</summary>
    EnvelopeList,
}
