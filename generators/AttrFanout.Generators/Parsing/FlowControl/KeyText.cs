using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>
/// Turns an expression over the payload into the key's culture-invariant text: string as is, Guid "D", enums by name,
/// numbers with the invariant culture, bool "true"/"false", DateTime/DateTimeOffset "O", char, other IFormattable
/// values with the invariant culture, anything else by its ToString() (AF0032). A null on the way yields null.
/// </summary>
internal static class KeyText
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>
    /// The text expression for <paramref name="value"/> of <paramref name="type"/>; <paramref name="conditional"/> says whether
    /// it already goes through a <c>?.</c>, so its value may be null even when <paramref name="type"/> is a value type.
    /// </summary>
    public static (string Text, bool IsStable) Of(string value, ITypeSymbol type, bool conditional, KnownTypes types)
    {
        var underlying = Underlying(type);
        var mayBeNull = conditional || !ReferenceEquals(underlying, type);
        var access = type.IsReferenceType || !ReferenceEquals(underlying, type) ? "?." : ".";
        if (underlying.SpecialType == SpecialType.System_String)
        {
            return (value, true);
        }

        if (underlying.SpecialType == SpecialType.System_Boolean)
        {
            return ($"{value} switch {{ true => \"true\", false => \"false\"{(mayBeNull ? ", null => null" : "")} }}", true);
        }

        var call = Call(underlying, types);
        return call is null ? (value + access + "ToString()", false) : (value + access + call, true);
    }

    /// <summary>Whether a member of <paramref name="type"/> may be null, so the next step reads it with <c>?.</c>.</summary>
    public static bool MayBeNull(ITypeSymbol type) => type.IsReferenceType || !ReferenceEquals(Underlying(type), type) || type is ITypeParameterSymbol { IsValueType: false };

    /// <summary><paramref name="type"/> without <c>Nullable&lt;T&gt;</c>.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable ? nullable.TypeArguments[0] : type;

    private static string? Call(ITypeSymbol type, KnownTypes types)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
                SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or
                SpecialType.System_Decimal or SpecialType.System_Single or SpecialType.System_Double:
                return $"ToString({Invariant})";
            case SpecialType.System_Char:
                return "ToString()";
            case SpecialType.System_DateTime:
                return $"ToString(\"O\", {Invariant})";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return "ToString()";
        }

        if (SymbolEqualityComparer.Default.Equals(type, types.Guid))
        {
            return "ToString(\"D\")";
        }

        if (SymbolEqualityComparer.Default.Equals(type, types.DateTimeOffset))
        {
            return $"ToString(\"O\", {Invariant})";
        }

        return IsFormattable(type, types) ? $"ToString(null, {Invariant})" : null;
    }

    /// <summary>Whether <paramref name="type"/> implements IFormattable with a public <c>ToString(string, IFormatProvider)</c> the generated code can call.</summary>
    private static bool IsFormattable(ITypeSymbol type, KnownTypes types)
    {
        if (types.Formattable is null || !type.AllInterfaces.Contains(types.Formattable, SymbolEqualityComparer.Default))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 2 } method &&
                    method.Parameters[0].Type.SpecialType == SpecialType.System_String &&
                    SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, types.FormatProvider))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
