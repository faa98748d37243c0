using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>How symbols are written into models: fully qualified for code, readable for messages.</summary>
internal static class SymbolNames
{
    public static string Fqn(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    public static string Handler(IMethodSymbol method) => method.ContainingType.ToDisplayString() + "." + method.Name;
}
