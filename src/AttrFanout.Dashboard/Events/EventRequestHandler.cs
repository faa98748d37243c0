using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace AttrFanout.Dashboard.Events;

/// <summary>
/// One request to the event endpoint: the key first, then the whole body read and every event validated, and only then
/// the events sent, in order. A request with one bad event accepts none.
/// </summary>
internal sealed class EventRequestHandler(
    string pattern,
    EventKeyRing keys,
    EventEndpointOptions options,
    IncomingEventValidator validator,
    IEnvelopeSender sender,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (Authorize(context) is { } refusal)
        {
            await WriteAsync(context, refusal).ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(context, options.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, EventRejection.TooLarge($"The request body is over the limit of {options.MaxRequestBytes:N0} bytes (EventEndpointOptions.MaxRequestBytes). Send fewer events per request.")).ConfigureAwait(false);
            return;
        }

        var incoming = IncomingEventReader.Read(body.Value, options.MaxEventsPerRequest, out var rejection);
        var envelopes = new List<EventEnvelope>(incoming.Count);
        foreach (var one in incoming)
        {
            if (rejection is not null)
            {
                break;
            }

            if (validator.Validate(one, out rejection) is { } envelope)
            {
                envelopes.Add(envelope);
            }
        }

        if (rejection is not null)
        {
            await WriteAsync(context, rejection).ConfigureAwait(false);
            return;
        }

        await SendAsync(context, envelopes).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpContext context, List<EventEnvelope> envelopes)
    {
        var ids = new List<string>(envelopes.Count);
        var runIds = new List<IReadOnlyList<string>>(envelopes.Count);
        var duplicates = new List<string>();
        foreach (var envelope in envelopes)
        {
            var sent = await sender.SendAsync(envelope, context.RequestAborted).ConfigureAwait(false);
            ids.Add(sent.EventId);
            runIds.Add(sent.RunIds);
            if (sent.IsDuplicate)
            {
                duplicates.Add(sent.EventId);
            }
        }

        EventEndpointLog.Accepted(logger, pattern, ids.Count, duplicates.Count);
        await Results.Json(new AcceptedEvents(ids, runIds, duplicates), EventEndpointJsonContext.Default.AcceptedEvents).ExecuteAsync(context).ConfigureAwait(false);
    }

    private EventRejection? Authorize(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        if (keys.IsEmpty)
        {
            const string reason = "this endpoint has no event keys configured (AttrFanout:EventKeys), so it accepts no events.";
            EventEndpointLog.Unauthorized(logger, pattern, remote, reason);
            return new EventRejection(StatusCodes.Status500InternalServerError, "The server " + reason);
        }

        var presented = EventKeyReader.Read(context);
        if (presented is null)
        {
            EventEndpointLog.Unauthorized(logger, pattern, remote, "no event key");
            return new EventRejection(StatusCodes.Status401Unauthorized, $"No event key: send it as 'Authorization: Bearer <key>' or in the path ({pattern}/<key>).");
        }

        if (!keys.Accepts(presented))
        {
            EventEndpointLog.Unauthorized(logger, pattern, remote, "the event key is not one of the configured keys");
            return new EventRejection(StatusCodes.Status401Unauthorized, "The event key is not valid.");
        }

        return null;
    }

    private async Task WriteAsync(HttpContext context, EventRejection rejection)
    {
        if (rejection.Status != StatusCodes.Status401Unauthorized && rejection.Status != StatusCodes.Status500InternalServerError)
        {
            EventEndpointLog.Refused(logger, pattern, rejection.Status, rejection.Error);
        }

        if (rejection.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        var body = new RefusedEvents(rejection.Error, rejection.Index, rejection.Event, rejection.Path);
        await Results.Json(body, EventEndpointJsonContext.Default.RefusedEvents, statusCode: rejection.Status).ExecuteAsync(context).ConfigureAwait(false);
    }
}
