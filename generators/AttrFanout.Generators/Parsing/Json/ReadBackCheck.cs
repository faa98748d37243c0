using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>
/// Finds members that are written to JSON but never read back (AF0017): System.Text.Json writes them, and reading the
/// JSON back leaves them at their default, silently.
/// </summary>
internal static class ReadBackCheck
{
    /// <summary>Why <paramref name="member"/>, which nothing sets when reading, loses its value, with the fix; null when it is not data that is lost.</summary>
    public static string? Loss(ISymbol member, ITypeSymbol type)
    {
        var parameter = char.ToLowerInvariant(member.Name[0]) + member.Name.Substring(1);
        return member switch
        {
            IPropertySymbol { SetMethod: { } setter } =>
                $"its setter is {Accessibility(setter)} and no constructor parameter sets it, so reading the JSON back leaves it at its default; " +
                $"add [JsonInclude] to the property, make the setter public or init, or add a constructor parameter named '{parameter}'",
            IPropertySymbol property when IsCollection(type) && IsAutoProperty(property) && !JsonAttributes.IsPopulated(property) =>
                $"it has no setter and System.Text.Json does not fill a get-only collection, so reading the JSON back leaves it as created; " +
                $"add a setter (set or init), a constructor parameter named '{parameter}', or [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]",
            IFieldSymbol { IsReadOnly: true } =>
                $"it is readonly and no constructor parameter sets it, so reading the JSON back leaves it at its default; " +
                $"remove readonly or add a constructor parameter named '{parameter}'",
            _ => null,
        };
    }

    private static string Accessibility(ISymbol setter) => setter.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "not accessible",
    };

    private static bool IsCollection(ITypeSymbol type) =>
        type is IArrayTypeSymbol ||
        type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(static i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
}
