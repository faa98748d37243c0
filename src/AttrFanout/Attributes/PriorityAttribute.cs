namespace AttrFanout;

/// <summary>
/// Orders the function's due runs by a priority the named method computes from the payload: a static method of the
/// function's class taking the payload and returning <see cref="int"/> seconds, positive to run ahead, negative behind
/// (clamped to ±600). Evaluated once, at send.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PriorityAttribute : Attribute
{
    /// <summary>Creates the priority.</summary>
    /// <param name="method">The priority method's name, e.g. <c>nameof(Rank)</c>.</param>
    public PriorityAttribute(string method) => Method = method;

    /// <summary>Gets the priority method's name.</summary>
    public string Method { get; }
}
