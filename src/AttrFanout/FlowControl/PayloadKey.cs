namespace AttrFanout.FlowControl;

/// <summary>
/// A flow-control key over an event's payload, resolved by the generator from a member path (<c>nameof(X.AccountId)</c>,
/// <c>"Account.Id"</c>) or a static key method, and evaluated once, at send, into culture-invariant text.
/// </summary>
/// <remarks>
/// A key that evaluates to <see langword="null"/> (a null member on the path, or a key method returning null) exempts the
/// run from the rule that names it: the run is neither counted nor limited by that rule. It is never a shared bucket.
/// </remarks>
public sealed class PayloadKey
{
    private readonly Func<object, string?> _evaluate;

    /// <summary>Creates a key; the generator emits one per keyed rule with a direct, typed accessor.</summary>
    /// <param name="expression">The key as written, e.g. <c>AccountId</c> or <c>Account.Id</c>, for logs and the dashboard.</param>
    /// <param name="evaluate">Reads the key's text from a payload of the function's payload type.</param>
    public PayloadKey(string expression, Func<object, string?> evaluate)
    {
        ArgumentException.ThrowIfNullOrEmpty(expression);
        ArgumentNullException.ThrowIfNull(evaluate);
        Expression = expression;
        _evaluate = evaluate;
    }

    /// <summary>Gets the key as written on the attribute.</summary>
    public string Expression { get; }

    /// <summary>Evaluates the key for <paramref name="payload"/>.</summary>
    /// <param name="payload">A payload of the function's payload type.</param>
    /// <returns>The key's text, or <see langword="null"/> when the run is exempt from the rule.</returns>
    public string? Evaluate(object payload) => _evaluate(payload);

    /// <inheritdoc />
    public override string ToString() => Expression;
}
