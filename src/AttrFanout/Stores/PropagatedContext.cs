namespace AttrFanout.Stores;

/// <summary>
/// The trace context of a send, as the fields that <see cref="System.Diagnostics.DistributedContextPropagator.Current"/>
/// injected (with the default W3C propagator: <c>traceparent</c>, <c>tracestate</c> and <c>baggage</c>). A store keeps
/// the fields by name, as they are, and hands them back with the run, so each attempt joins the send's trace and gets
/// its baggage back.
/// </summary>
public sealed class PropagatedContext
{
    private readonly KeyValuePair<string, string>[] _fields;

    /// <summary>Creates a context from its fields.</summary>
    /// <param name="fields">The fields, by name; a name given twice keeps its first value.</param>
    public PropagatedContext(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var kept = new List<KeyValuePair<string, string>>();
        foreach (var field in fields)
        {
            ArgumentException.ThrowIfNullOrEmpty(field.Key, nameof(fields));
            ArgumentNullException.ThrowIfNull(field.Value, nameof(fields));
            if (Find(kept, field.Key) is null)
            {
                kept.Add(field);
            }
        }

        _fields = [.. kept];
    }

    /// <summary>Gets the fields, by name, in the order the propagator wrote them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Gets the value of a field, or <see langword="null"/> when the context has none of that name.</summary>
    /// <param name="name">The field's name, compared ignoring case.</param>
    /// <returns>The field's value, or <see langword="null"/>.</returns>
    public string? this[string name] => Find(_fields, name);

    /// <summary>Creates a context from its fields, or returns <see langword="null"/> when there are none.</summary>
    /// <param name="fields">The fields, by name.</param>
    /// <returns>The context, or <see langword="null"/> when <paramref name="fields"/> is empty.</returns>
    public static PropagatedContext? FromFields(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var context = new PropagatedContext(fields);
        return context._fields.Length == 0 ? null : context;
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return fields[i].Value;
            }
        }

        return null;
    }
}
