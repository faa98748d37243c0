using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>
/// Walks a payload type and every type reachable from its serialized members, deciding how each one's JSON metadata is built
/// or why it cannot be. The generator and the AF0011 analyzer share it, so one piece of code decides what is supported.
/// </summary>
internal sealed class PayloadTypeWalker
{
    private readonly IAssemblySymbol _assembly;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<JsonTypeModel> _types = [];
    private readonly List<JsonProblem> _problems = [];
    private readonly List<JsonProblem> _losses = [];
    private readonly List<JsonProblem> _skippedFields = [];
    private readonly HashSet<string> _convertedOnly = new(StringComparer.Ordinal);

    private PayloadTypeWalker(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        _assembly = assembly;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Walks <paramref name="payload"/> as seen from <paramref name="assembly"/>, where the generated resolver lives.</summary>
    public static PayloadGraph Walk(INamedTypeSymbol payload, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var walker = new PayloadTypeWalker(assembly, cancellationToken);
        walker.Visit(payload, new Reach(null, payload));
        return new PayloadGraph(walker._types.OrderBy(static t => t.Fqn, StringComparer.Ordinal).ToArray(), walker._problems, walker._losses, walker._skippedFields);
    }

    private void Visit(ITypeSymbol type, Reach reach)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!_seen.Add(SymbolNames.Fqn(type)))
        {
            if (_convertedOnly.Contains(SymbolNames.Fqn(type)))
            {
                _problems.Add(new JsonProblem(reach.Member, reach.Subject(), $"'{type.ToDisplayString()}' has JSON metadata only through a member's [JsonConverter]; add the converter here too, or to the type"));
            }

            return;
        }

        if (Describe(type, reach) is { } problem)
        {
            _problems.Add(new JsonProblem(reach.Member, reach.Subject(), $"'{type.ToDisplayString()}' {problem}"));
        }
    }

    private string? Describe(ITypeSymbol type, Reach reach) => type switch
    {
        { TypeKind: TypeKind.Dynamic } => "has no fixed shape to read back; use object (read back as a JsonElement) or a concrete type",
        ITypeParameterSymbol => "is a type parameter",
        IArrayTypeSymbol array => DescribeArray(array, reach),
        INamedTypeSymbol named => DescribeNamed(named, reach),
        _ => "is a pointer type",
    };

    private string? DescribeArray(IArrayTypeSymbol array, Reach reach)
    {
        if (!array.IsSZArray)
        {
            return "is a multi-dimensional array; use an array of arrays or a List<T>";
        }

        var fqn = SymbolNames.Fqn(array);
        if (array.ElementType.SpecialType == SpecialType.System_Byte)
        {
            _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Value, JsonKnownTypes.ByteArrayConverter, null, null, null));
            return null;
        }

        _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Array, null, SymbolNames.Fqn(array.ElementType), null, null));
        Visit(array.ElementType, reach);
        return null;
    }

    private string? DescribeNamed(INamedTypeSymbol type, Reach reach)
    {
        var fqn = SymbolNames.Fqn(type);
        if (!IsAccessible(type))
        {
            return "is not accessible from the generated code; make it public or internal";
        }

        if (type.IsRefLikeType)
        {
            return "is a ref struct";
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Nullable, null, SymbolNames.Fqn(type.TypeArguments[0]), null, null));
            Visit(type.TypeArguments[0], reach);
            return null;
        }

        if (type.TypeKind == TypeKind.Enum && JsonAttributes.IsStringEnum(type))
        {
            _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Enum, JsonKnownTypes.StringEnum, null, null, null));
            return null;
        }

        if (JsonAttributes.Converter(type) is { } typeConverter)
        {
            if (JsonAttributes.ConverterProblem(typeConverter, IsAccessible) is { } converterProblem)
            {
                return converterProblem;
            }

            _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Converted, SymbolNames.Fqn(typeConverter), null, null, null));
            return null;
        }

        if (JsonAttributes.FirstUnsupported(type) is { } attribute)
        {
            return $"has {attribute}, which the generated metadata does not apply";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Enum, null, null, null, null));
            return null;
        }

        if (!type.IsGenericType && JsonKnownTypes.Converters.TryGetValue(MetadataName(type), out var converter))
        {
            _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Value, converter, null, null, null));
            return null;
        }

        if (type.IsGenericType && JsonKnownTypes.Collections.TryGetValue(MetadataName(type.OriginalDefinition), out var collection))
        {
            return DescribeCollection(type, collection.Kind, collection.Creator, reach);
        }

        if (type.IsGenericType && JsonKnownTypes.WriteOnlyCollections.TryGetValue(MetadataName(type.OriginalDefinition), out var instead))
        {
            return $"is written by System.Text.Json but cannot be read back (it has no type to create); use {instead}";
        }

        if (type.TypeKind is TypeKind.Class or TypeKind.Interface && JsonAttributes.DerivedTypes(type) is { Count: > 0 } derivedTypes)
        {
            return DescribePolymorphic(type, derivedTypes, reach);
        }

        return type switch
        {
            { TypeKind: TypeKind.Delegate } => "is a delegate",
            { TypeKind: TypeKind.Interface } => "is an interface; use a concrete type, list its implementations with [JsonDerivedType], or use one of " + JsonKnownTypes.SupportedCollections,
            { IsAbstract: true } => "is abstract, so reading it back has no type to create; list its subtypes with [JsonDerivedType]",
            { IsTupleType: true } => "is a tuple, whose elements have no names to write",
            _ when MetadataName(type.OriginalDefinition) == JsonKnownTypes.KeyValuePair => DescribeObject(type),
            _ when type.AllInterfaces.Any(static i => i.SpecialType == SpecialType.System_Collections_IEnumerable) =>
                "is a collection type the generated metadata does not handle; use " + JsonKnownTypes.SupportedCollections,
            _ when IsFrameworkType(type) => "is a framework type without built-in JSON metadata",
            _ => DescribeObject(type),
        };
    }

    private string? DescribeCollection(INamedTypeSymbol type, JsonTypeKind kind, string? creator, Reach reach)
    {
        var arguments = type.TypeArguments;
        var key = arguments.Length == 2 ? arguments[0] : null;
        if (key is not null && !IsDictionaryKey(key))
        {
            return $"is a dictionary with '{key.ToDisplayString()}' keys, which System.Text.Json cannot write as JSON property names; " +
                   "use string, a number, Guid, a date or time, or an enum as the key";
        }

        var element = arguments[arguments.Length - 1];
        var creatorFqn = creator is null || kind is JsonTypeKind.ImmutableEnumerable or JsonTypeKind.ImmutableDictionary
            ? creator
            : $"{creator}<{string.Join(", ", arguments.Select(SymbolNames.Fqn))}>";
        _types.Add(new JsonTypeModel(SymbolNames.Fqn(type), kind, null, SymbolNames.Fqn(element), creatorFqn, null, key is null ? null : SymbolNames.Fqn(key)));
        if (key is not null)
        {
            Visit(key, reach);
        }

        Visit(element, reach);
        return null;
    }

    /// <summary>
    /// A base class or interface with <c>[JsonDerivedType]</c>: its own metadata (no creator when abstract or an interface)
    /// and every listed subtype's.
    /// System.Text.Json reads the polymorphism attributes from the type itself when the metadata is created.
    /// </summary>
    private string? DescribePolymorphic(INamedTypeSymbol type, IReadOnlyList<ITypeSymbol> derivedTypes, Reach reach)
    {
        var problem = DescribeObject(type);
        foreach (var derived in derivedTypes)
        {
            Visit(derived, reach);
        }

        return problem;
    }

    private string? DescribeObject(INamedTypeSymbol type)
    {
        var shape = ObjectShapeReader.Read(type, _assembly, IsAccessible);
        _problems.AddRange(shape.Problems);
        _losses.AddRange(shape.Losses ?? []);
        _skippedFields.AddRange(shape.SkippedFields ?? []);
        if (shape.Model is null)
        {
            return shape.Problem;
        }

        _types.Add(new JsonTypeModel(SymbolNames.Fqn(type), JsonTypeKind.Object, null, null, null, shape.Model));
        foreach (var member in shape.Members)
        {
            var memberType = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => throw new InvalidOperationException(member.Kind.ToString()),
            };
            var reach = new Reach(member, memberType);
            if (JsonAttributes.Converter(member) is { } converter)
            {
                VisitConverted(memberType, JsonAttributes.ConverterFor(converter, memberType), reach);
            }
            else
            {
                Visit(memberType, reach);
            }
        }

        return null;
    }

    /// <summary>
    /// The type of a member with <c>[JsonConverter]</c>: its own metadata when it has one, else (e.g. <c>IPAddress</c>) metadata
    /// built on the member's converter, so System.Text.Json finds metadata for the member's type as its generator provides.
    /// </summary>
    private void VisitConverted(ITypeSymbol type, string converterFqn, Reach reach)
    {
        var fqn = SymbolNames.Fqn(type);
        if (_seen.Contains(fqn))
        {
            return;
        }

        var probe = new PayloadTypeWalker(_assembly, _cancellationToken);
        probe.Visit(type, reach);
        if (probe._problems.Count == 0)
        {
            Visit(type, reach);
            return;
        }

        _seen.Add(fqn);
        _convertedOnly.Add(fqn);
        _types.Add(new JsonTypeModel(fqn, JsonTypeKind.Converted, converterFqn, null, null, null));
    }

    private static bool IsDictionaryKey(ITypeSymbol key) =>
        key.TypeKind == TypeKind.Enum ||
        key is INamedTypeSymbol { IsGenericType: false } named && JsonKnownTypes.DictionaryKeys.Contains(MetadataName(named));

    private bool IsAccessible(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var visible = current.DeclaredAccessibility switch
            {
                Accessibility.Public => true,
                Accessibility.Internal or Accessibility.ProtectedOrInternal =>
                    SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, _assembly) || current.ContainingAssembly.GivesAccessTo(_assembly),
                _ => false,
            };
            if (!visible)
            {
                return false;
            }
        }

        return type.TypeArguments.OfType<INamedTypeSymbol>().All(IsAccessible);
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is not null || type.ContainingNamespace is null || type.ContainingNamespace.IsGlobalNamespace
            ? type.MetadataName
            : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        var root = type.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
    }

    /// <summary>How the walk reached a type: through a member whose type is <paramref name="Type"/> (its problems are reported there), or as the payload <paramref name="Type"/> itself.</summary>
    private readonly record struct Reach(ISymbol? Member, ITypeSymbol Type)
    {
        /// <summary>What a problem's message names; built only when there is a problem.</summary>
        public string Subject() => Member is null ? $"The type '{Type.ToDisplayString()}'" : MemberReader.Subject(Member, Type);
    }
}
