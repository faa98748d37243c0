using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Generators.Analyzers;

/// <summary>Where the arguments of an applied attribute are written, for precise diagnostic locations.</summary>
internal static class AttributeLocations
{
    /// <summary>The first constructor argument's expression, or <paramref name="fallback"/>.</summary>
    public static Location FirstArgument(AttributeData attribute, Location fallback, CancellationToken cancellationToken)
    {
        foreach (var argument in Arguments(attribute, cancellationToken))
        {
            if (argument.NameEquals is null)
            {
                return argument.Expression.GetLocation();
            }
        }

        return fallback;
    }

    /// <summary>The expression of the named argument <paramref name="name"/>, or null when it is not written.</summary>
    public static Location? NamedArgument(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        foreach (var argument in Arguments(attribute, cancellationToken))
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument.Expression.GetLocation();
            }
        }

        return null;
    }

    /// <summary>The whole attribute as written, e.g. <c>Concurrency(5)</c>, or <paramref name="fallback"/>.</summary>
    public static Location Whole(AttributeData attribute, Location fallback, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;

    private static SeparatedSyntaxList<AttributeArgumentSyntax> Arguments(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list }
            ? list.Arguments
            : default;
}
