using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Parsing;

/// <summary>How symbols are written into models: fully qualified or escaped for code, readable for messages.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static string Fqn(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    public static string Handler(IMethodSymbol method) => method.ContainingType.ToDisplayString() + "." + method.Name;

    /// <summary>The namespace as written in a <c>namespace</c> declaration, keywords escaped (<c>Shop.@event</c>), or null for the global namespace.</summary>
    public static string? Namespace(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace ? null : ns.ToDisplayString(NamespaceFormat);

    /// <summary>A name as a C# identifier: keywords and contextual keywords escaped with <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
