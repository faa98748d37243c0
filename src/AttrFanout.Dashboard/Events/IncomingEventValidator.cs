namespace AttrFanout.Dashboard.Events;

/// <summary>
/// Turns an incoming event into the envelope the runtime sends, or says what is wrong with it: an unknown or reserved
/// name, an invalid Id, data over the payload limit, data the event's generated JSON metadata cannot read.
/// </summary>
internal sealed class IncomingEventValidator(FunctionCatalog catalog, AttrFanoutOptions options, TimeProvider time)
{
    /// <summary>The prefix of the runtime's own events (<c>attrfanout/function.failed</c>), which only the runtime sends.</summary>
    private const string ReservedPrefix = "attrfanout/";

    public EventEnvelope? Validate(IncomingEvent incoming, out EventRejection? rejection)
    {
        rejection = null;
        var name = incoming.Name;
        if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            rejection = Problem(incoming, "name", $"'{name}' is one of the runtime's own events (names starting with '{ReservedPrefix}'); it cannot be sent from outside.");
            return null;
        }

        if (!catalog.TryGetEvent(name, out var descriptor) || !descriptor.CanSerializePayload)
        {
            var nearest = NearestName.Find(name, catalog.Events.Select(static e => e.Name).Where(static n => !n.StartsWith(ReservedPrefix, StringComparison.Ordinal)));
            var suggestion = nearest is null ? "" : $" Did you mean '{nearest}'?";
            rejection = Problem(incoming, "name", $"Unknown event '{name}': this app declares no [Event(\"{name}\")].{suggestion}");
            return null;
        }

        if (options.ThrowOnNoSubscribers && catalog.GetFunctions(name).IsEmpty)
        {
            rejection = Problem(incoming, "name", $"No function subscribes to event '{name}', and this app refuses such events (ThrowOnNoSubscribers).");
            return null;
        }

        if (incoming.Id is { } id && !IsValidId(id))
        {
            rejection = Problem(incoming, "id", "\"id\" must be 1 to 256 printable ASCII characters without spaces (e.g. \"order-42\"); leave it out to get a generated one.");
            return null;
        }

        if (incoming.Data.Length > options.MaxPayloadBytes)
        {
            rejection = TooLarge(incoming, incoming.Data.Length);
            return null;
        }

        EventEnvelope envelope;
        try
        {
            envelope = descriptor.DeserializeEnvelope(incoming.Id ?? Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), incoming.Timestamp ?? time.GetUtcNow(), incoming.Data.Span);
        }
        catch (PayloadSerializationException exception)
        {
            rejection = Problem(incoming, DataPath(exception.MemberPath), $"\"data\" does not read as the payload of '{name}'{At(exception.MemberPath)}: {Inner(exception)}");
            return null;
        }

        var size = descriptor.SerializePayload(envelope.Payload).Length;
        if (size > options.MaxPayloadBytes)
        {
            rejection = TooLarge(incoming, size);
            return null;
        }

        return envelope;
    }

    private EventRejection TooLarge(IncomingEvent incoming, long size) =>
        EventRejection.TooLarge($"Event {incoming.Index} ('{incoming.Name}'): \"data\" is {size:N0} bytes, over the limit of {options.MaxPayloadBytes:N0} bytes per event (AttrFanoutOptions.MaxPayloadBytes). Send a reference to the data instead.")
            with { Index = incoming.Index, Event = incoming.Name, Path = "data" };

    private static EventRejection Problem(IncomingEvent incoming, string path, string problem) =>
        EventRejection.BadRequest($"Event {incoming.Index} ('{incoming.Name}'): {problem}") with { Index = incoming.Index, Event = incoming.Name, Path = path };

    /// <summary>The member path inside <c>data</c>: <c>$.total</c> becomes <c>data.total</c>.</summary>
    private static string DataPath(string? memberPath) =>
        memberPath is null or "$" ? "data" : memberPath.StartsWith("$.", StringComparison.Ordinal) ? "data." + memberPath[2..] : "data" + memberPath.TrimStart('$');

    private static string At(string? memberPath) => memberPath is null or "$" ? "" : $" at '{DataPath(memberPath)}'";

    private static string Inner(PayloadSerializationException exception) => exception.InnerException?.Message ?? exception.Message;

    private static bool IsValidId(string id) => id.Length is > 0 and <= 256 && id.All(static c => c is > ' ' and <= '~');
}
