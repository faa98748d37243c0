namespace AttrFanout.Generators.Model;

/// <summary>What a handler parameter receives.</summary>
internal enum HandlerParameterKind
{
    Payload,
    Envelope,
    Context,
    CancellationToken,
}
