using System.Diagnostics;
using AttrFanout.Stores;
using NATS.Client.Core;

namespace AttrFanout.Nats.Wire;

/// <summary>
/// A send's trace context on a message: each field the propagator wrote (with the default W3C propagator
/// <c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>) as a header of its own name, so any NATS tool or producer
/// speaks the same headers. Read back by the fields <see cref="DistributedContextPropagator.Current"/> names.
/// </summary>
internal static class TraceHeaders
{
    public static void Write(NatsHeaders headers, PropagatedContext? trace)
    {
        if (trace is null)
        {
            return;
        }

        foreach (var (name, value) in trace.Fields)
        {
            headers[name] = HeaderText.Line(value);
        }
    }

    public static PropagatedContext? Read(NatsHeaders? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return null;
        }

        List<KeyValuePair<string, string>>? fields = null;
        foreach (var name in DistributedContextPropagator.Current.Fields)
        {
            if (HeaderText.Get(headers, name) is { } value)
            {
                (fields ??= new List<KeyValuePair<string, string>>(3)).Add(new KeyValuePair<string, string>(name, value));
            }
        }

        return fields is null ? null : new PropagatedContext(fields);
    }
}
