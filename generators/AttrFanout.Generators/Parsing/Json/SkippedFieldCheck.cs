using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>
/// Finds public fields of a payload type that are never written (AF0019): System.Text.Json serializes fields only with
/// <c>[JsonInclude]</c>, so their values are silently not stored.
/// </summary>
internal static class SkippedFieldCheck
{
    public const string Reason =
        "System.Text.Json does not serialize a field without [JsonInclude], so its value is not stored; " +
        "add [JsonInclude] to store it, or [JsonIgnore] to say it is not meant to be";

    /// <summary>The public instance fields of <paramref name="type"/> and its base types that are neither included nor ignored.</summary>
    public static IEnumerable<JsonProblem> Find(INamedTypeSymbol type)
    {
        for (var current = type; current is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType) }; current = current.BaseType)
        {
            foreach (var field in current.GetMembers().OfType<IFieldSymbol>())
            {
                if (field is { IsStatic: false, IsConst: false, AssociatedSymbol: null, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public } &&
                    !JsonAttributes.Has(field, JsonKnownTypes.JsonInclude) &&
                    !JsonAttributes.Has(field, JsonKnownTypes.JsonIgnore))
                {
                    yield return new JsonProblem(field, MemberReader.Subject(field, field.Type), Reason);
                }
            }
        }
    }
}
