namespace AttrFanout;

/// <summary>
/// Declares an event: its name and, by the type it is placed on, its payload type.
/// The type must be <see langword="partial"/>: the generator adds the event's name and plumbing to it.
/// </summary>
/// <remarks>
/// An event name is one or more segments separated by <c>/</c>; each segment starts with a letter or digit
/// and continues with letters, digits, <c>.</c>, <c>-</c> or <c>_</c>; at most 128 characters in all,
/// e.g. <c>user/signup</c> or <c>shop/order.placed</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class EventAttribute : Attribute
{
    /// <summary>Creates the attribute declaring the event named <paramref name="name"/>.</summary>
    /// <param name="name">The event name, e.g. <c>user/signup</c>.</param>
    public EventAttribute(string name) => Name = name;

    /// <summary>Gets the event name.</summary>
    public string Name { get; }
}
