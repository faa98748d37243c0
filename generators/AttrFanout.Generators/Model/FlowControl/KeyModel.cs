namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>A resolved key: the text as written and the accessor's expression over the lambda parameter <c>p</c>.</summary>
/// <param name="Expression">The key as written, e.g. <c>Account.Id</c> or a key method's name.</param>
/// <param name="Accessor">
/// A C# expression of type <c>string?</c> over <c>p</c> (the payload as <c>object</c>), e.g.
/// <c>((global::Shop.Order)p).Account?.Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture)</c>.
/// </param>
internal sealed record KeyModel(string Expression, string Accessor);
