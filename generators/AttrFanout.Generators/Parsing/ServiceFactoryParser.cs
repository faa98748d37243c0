using AttrFanout.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Parsing;

/// <summary>Picks the constructor a handler class is created with, as the DI container would, and reads its parameters.</summary>
internal static class ServiceFactoryParser
{
    public static ServiceFactoryModel? Parse(INamedTypeSymbol type, KnownTypes types, CancellationToken cancellationToken)
    {
        var constructor = Choose(type, types);
        if (constructor is null)
        {
            return null;
        }

        var arguments = new List<ConstructorArgumentModel>(constructor.Parameters.Length);
        foreach (var parameter in constructor.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parameter.RefKind != RefKind.None || parameter.Type.TypeKind == TypeKind.Error)
            {
                return null;
            }

            arguments.Add(new ConstructorArgumentModel(
                SymbolNames.Fqn(parameter.Type),
                ServiceKey(parameter, types),
                parameter.HasExplicitDefaultValue && !parameter.Type.IsValueType && parameter.ExplicitDefaultValue is null));
        }

        return new ServiceFactoryModel(SymbolNames.Fqn(type), arguments.ToEquatableArray());
    }

    private static IMethodSymbol? Choose(INamedTypeSymbol type, KnownTypes types)
    {
        IMethodSymbol? longest = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (types.ActivatorUtilitiesConstructor is not null &&
                constructor.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.ActivatorUtilitiesConstructor)))
            {
                return constructor;
            }

            if (longest is null || constructor.Parameters.Length > longest.Parameters.Length)
            {
                longest = constructor;
            }
        }

        return longest;
    }

    private static string? ServiceKey(IParameterSymbol parameter, KnownTypes types)
    {
        if (types.FromKeyedServices is null)
        {
            return null;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.FromKeyedServices) &&
                attribute.ConstructorArguments.Length == 1 &&
                !attribute.ConstructorArguments[0].IsNull)
            {
                return attribute.ConstructorArguments[0].ToCSharpString();
            }
        }

        return null;
    }
}
