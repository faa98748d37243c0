using System.Runtime.CompilerServices;
using AttrFanout.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Parsing;

/// <summary>Picks the constructor a handler class is created with, as the DI container would, and reads its parameters.</summary>
internal static class ServiceFactoryParser
{
    private const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    /// <summary>Each handler class's registration, read once per compilation however many handlers the class has.</summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, ParsedFactory> Parsed = new();

    /// <summary>The generated registration of <paramref name="type"/> (named <paramref name="typeFqn"/>), or null when it cannot create one (see <see cref="ConstructionProblem"/>).</summary>
    public static ServiceFactoryModel? Parse(INamedTypeSymbol type, string typeFqn, KnownTypes types, CancellationToken cancellationToken)
    {
        if (Parsed.TryGetValue(type, out var parsed))
        {
            return parsed.Model;
        }

        var model = Read(type, typeFqn, types, cancellationToken);
        return Parsed.GetValue(type, _ => new ParsedFactory(model)).Model;
    }

    private static ServiceFactoryModel? Read(INamedTypeSymbol type, string typeFqn, KnownTypes types, CancellationToken cancellationToken)
    {
        var constructor = Choose(type, types);
        if (constructor is null || RequiredMemberProblem(type, constructor) is not null)
        {
            return null;
        }

        var arguments = new List<ConstructorArgumentModel>(constructor.Parameters.Length);
        foreach (var parameter in constructor.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parameter.RefKind != RefKind.None || parameter.Type.TypeKind == TypeKind.Error || Reachability.TypeNameProblem(parameter.Type) is not null)
            {
                return null;
            }

            arguments.Add(new ConstructorArgumentModel(
                SymbolNames.Fqn(parameter.Type),
                ServiceKey(parameter, types),
                parameter.HasExplicitDefaultValue && !parameter.Type.IsValueType && parameter.ExplicitDefaultValue is null));
        }

        return new ServiceFactoryModel(typeFqn, arguments.ToEquatableArray());
    }

    /// <summary>
    /// Why the generated registration cannot create <paramref name="type"/> for each run (AF0013), or null: it has no public
    /// constructor, the constructor takes a parameter by reference or of a type generated code cannot name, or leaves a
    /// <c>required</c> member unset.
    /// </summary>
    public static string? ConstructionProblem(INamedTypeSymbol type, KnownTypes types)
    {
        if (Choose(type, types) is not { } constructor)
        {
            return "it has no public constructor";
        }

        if (constructor.Parameters.FirstOrDefault(static p => p.RefKind != RefKind.None) is { } byReference)
        {
            return $"its constructor takes '{byReference.Name}' by reference";
        }

        if (constructor.Parameters.FirstOrDefault(static p => Reachability.TypeNameProblem(p.Type) is not null) is { } hidden)
        {
            return $"its constructor takes '{hidden.Name}' of type '{hidden.Type.ToDisplayString()}', which generated code cannot name";
        }

        return RequiredMemberProblem(type, constructor);
    }

    private static string? RequiredMemberProblem(INamedTypeSymbol type, IMethodSymbol constructor)
    {
        if (constructor.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == SetsRequiredMembersAttribute))
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                {
                    return $"its required member '{member.Name}' is not set by its constructor, and dependency injection does not set members";
                }
            }
        }

        return null;
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

            if (types.ActivatorUtilitiesConstructor is { } marker && HasAttribute(constructor, marker))
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

    private static bool HasAttribute(IMethodSymbol constructor, INamedTypeSymbol attributeClass)
    {
        foreach (var attribute in constructor.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
            {
                return true;
            }
        }

        return false;
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

    private sealed class ParsedFactory(ServiceFactoryModel? model)
    {
        public ServiceFactoryModel? Model { get; } = model;
    }
}
