using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>Why part of a payload's type graph cannot be serialized by the generated metadata (AF0011).</summary>
/// <param name="Member">The member or constructor parameter where the problem is reported, or null for the payload type itself.</param>
/// <param name="Subject">What the message names, e.g. <c>The member 'Shop.Order.Lines' of type 'List&lt;object&gt;'</c>.</param>
/// <param name="Reason">What is unsupported, naming the offending type or attribute.</param>
internal sealed record JsonProblem(ISymbol? Member, string Subject, string Reason);

/// <summary>The outcome of walking a payload's type graph; lives only inside a transform or an analyzer action.</summary>
/// <param name="Types">The types whose metadata is generated.</param>
/// <param name="Problems">What cannot be serialized (AF0011).</param>
/// <param name="Losses">Members written but never read back (AF0017).</param>
/// <param name="SkippedFields">Public fields never written, for want of <c>[JsonInclude]</c> (AF0019).</param>
internal sealed record PayloadGraph(IReadOnlyList<JsonTypeModel> Types, IReadOnlyList<JsonProblem> Problems, IReadOnlyList<JsonProblem> Losses, IReadOnlyList<JsonProblem> SkippedFields);
