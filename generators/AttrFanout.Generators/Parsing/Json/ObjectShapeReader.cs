using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>
/// Reads how a class, record or struct is written and read back: its public instance properties and <c>[JsonInclude]</c>d
/// fields in System.Text.Json's order (the type's own properties, then its fields, then its base type's; <c>[JsonIgnore]</c>d
/// ones left out), the constructor and <c>required</c> member initializers that create it,
/// and the <c>init</c> accessors set after creation.
/// </summary>
internal static class ObjectShapeReader
{
    /// <summary>Reads <paramref name="type"/> as seen from <paramref name="assembly"/>, where the generated resolver lives.</summary>
    public static ObjectShape Read(INamedTypeSymbol type, IAssemblySymbol assembly, Func<INamedTypeSymbol, bool> isAccessible)
    {
        var context = new Context(assembly, isAccessible);
        var problems = new List<JsonProblem>();
        var members = Members(type, context, problems);
        if (type.IsAbstract)
        {
            // A polymorphic base: written through its subtypes' metadata, read back as the subtype its discriminator names.
            var written = members.Select(static m => Property(m, m.IsSettable, m.IsInitOnly)).ToEquatableArray();
            var abstractModel = new JsonObjectModel(false, false, written, EquatableArray<JsonParameterModel>.Empty, JsonAttributes.NumberHandling(type), IsAbstract: true);
            return new ObjectShape(abstractModel, members.Select(static m => m.Symbol).ToArray(), problems, null);
        }

        var constructor = Constructor(type, context, out var constructorProblem);
        if (constructor is null)
        {
            return new ObjectShape(null, [], problems, constructorProblem);
        }

        var parameters = new List<JsonParameterModel>();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in constructor.Parameters)
        {
            var match = members.FirstOrDefault(m =>
                string.Equals(m.Symbol.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) &&
                SymbolEqualityComparer.Default.Equals(m.Type, parameter.Type));
            if (match is null || parameter.RefKind != RefKind.None)
            {
                problems.Add(new JsonProblem(
                    parameter,
                    $"The constructor parameter '{parameter.Name}' of '{type.ToDisplayString()}'",
                    "it does not match a serialized public property or field of the same type, so it cannot be read back"));
                continue;
            }

            bound.Add(match.Symbol.Name);
            parameters.Add(new JsonParameterModel(parameter.Name, SymbolNames.Fqn(parameter.Type), false, DefaultValues.Format(parameter)));
        }

        var setsRequired = JsonAttributes.Has(constructor, JsonKnownTypes.SetsRequiredMembers);
        var initializers = members
            .Where(m => !bound.Contains(m.Symbol.Name) && m.IsRequiredKeyword && !setsRequired)
            .Select(static m => m.Symbol.Name)
            .ToList();
        foreach (var member in members.Where(m => initializers.Contains(m.Symbol.Name)))
        {
            parameters.Add(new JsonParameterModel(member.Symbol.Name, SymbolNames.Fqn(member.Type), true, null));
        }

        var properties = members
            .Select(m => Property(
                m,
                m.IsSettable && !bound.Contains(m.Symbol.Name) && !initializers.Contains(m.Symbol.Name),
                m.IsInitOnly && !bound.Contains(m.Symbol.Name) && !initializers.Contains(m.Symbol.Name)))
            .ToEquatableArray();

        var losses = members
            .Where(m => !m.IsSettable && !m.IsInitOnly && !bound.Contains(m.Symbol.Name) && !initializers.Contains(m.Symbol.Name))
            .Select(m => ReadBackCheck.Loss(m.Symbol, m.Type) is { } loss ? new JsonProblem(m.Symbol, Subject(m.Symbol, m.Type), loss) : null)
            .OfType<JsonProblem>()
            .ToList();

        var model = new JsonObjectModel(type.IsValueType, parameters.Count > 0, properties, parameters.ToEquatableArray(), JsonAttributes.NumberHandling(type));
        return new ObjectShape(model, members.Select(static m => m.Symbol).ToArray(), problems, null, losses);
    }

    private static JsonPropertyModel Property(Member m, bool settable, bool accessorSet) =>
        new(
            m.Symbol.Name,
            SymbolNames.Fqn(m.Type),
            SymbolNames.Fqn(m.Symbol.ContainingType),
            m.Symbol is IPropertySymbol,
            JsonAttributes.PropertyName(m.Symbol),
            settable,
            m.IgnoreCondition,
            m.IsRequiredKeyword || JsonAttributes.Has(m.Symbol, JsonKnownTypes.JsonRequired),
            accessorSet,
            JsonAttributes.Order(m.Symbol),
            m.Options);

    private static List<Member> Members(INamedTypeSymbol type, Context context, List<JsonProblem> problems)
    {
        var levels = new List<List<Member>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var jsonNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var current = type; current is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType) }; current = current.BaseType)
        {
            var level = new List<Member>();
            foreach (var symbol in PropertiesThenFields(current))
            {
                if (symbol.IsStatic || symbol is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false, AssociatedSymbol: null, IsImplicitlyDeclared: false }) || !names.Add(symbol.Name))
                {
                    continue;
                }

                if (Read(symbol, context, problems) is { } member)
                {
                    var jsonName = JsonAttributes.PropertyName(symbol) ?? symbol.Name;
                    if (jsonNames.TryGetValue(jsonName, out var other))
                    {
                        problems.Add(new JsonProblem(symbol, Subject(symbol, member.Type), $"its JSON name '{jsonName}' is also the name of '{other}'"));
                        continue;
                    }

                    jsonNames.Add(jsonName, symbol.Name);
                    level.Add(member);
                }
            }

            levels.Add(level);
        }

        return levels.SelectMany(static l => l).ToList();
    }

    /// <summary>A type's own members as System.Text.Json orders them: properties in declaration order, then fields.</summary>
    private static IEnumerable<ISymbol> PropertiesThenFields(INamedTypeSymbol type)
    {
        var members = type.GetMembers();
        return members.Where(static m => m is IPropertySymbol).Concat(members.Where(static m => m is IFieldSymbol));
    }

    private static Member? Read(ISymbol symbol, Context context, List<JsonProblem> problems)
    {
        var included = JsonAttributes.Has(symbol, JsonKnownTypes.JsonInclude);
        var (ignored, condition) = JsonAttributes.Ignore(symbol);
        if (ignored || symbol is IFieldSymbol && !included)
        {
            return null;
        }

        var (memberType, getter, setter, initOnly, required) = symbol switch
        {
            IPropertySymbol p => (p.Type, p.GetMethod, p.SetMethod, p.SetMethod is { IsInitOnly: true }, p.IsRequired),
            IFieldSymbol f => (f.Type, (ISymbol?)f, f.IsReadOnly ? null : (ISymbol?)f, false, f.IsRequired),
            _ => throw new InvalidOperationException(symbol.Kind.ToString()),
        };

        // System.Text.Json writes public members with a public getter, and [JsonInclude]d ones its generated code can read.
        var readable = included ? context.CanAccess(symbol) && context.CanAccess(getter) : IsPublic(symbol) && IsPublic(getter);
        if (!readable)
        {
            if (included)
            {
                problems.Add(new JsonProblem(symbol, Subject(symbol, memberType), "[JsonInclude] on a member whose getter is private or protected is not supported (System.Text.Json cannot read it either); make it internal or public"));
            }

            return null;
        }

        // A setter the generated code cannot call directly is called through an [UnsafeAccessor]: init accessors, and the
        // non-public setters of [JsonInclude]d properties.
        var settable = setter is not null && !initOnly && (included ? context.CanAccess(setter) : IsPublic(setter));
        var accessorSet = setter is IMethodSymbol && !settable && (initOnly ? included || IsPublic(setter) : included);

        if (JsonAttributes.FirstUnsupported(symbol) is { } attribute)
        {
            problems.Add(new JsonProblem(symbol, Subject(symbol, memberType), $"it has {attribute}, which the generated metadata does not apply"));
            return null;
        }

        string? converterFqn = null;
        if (JsonAttributes.Converter(symbol) is { } converter)
        {
            if (JsonAttributes.ConverterProblem(converter, context.IsAccessible) is { } problem)
            {
                problems.Add(new JsonProblem(symbol, Subject(symbol, memberType), problem));
                return null;
            }

            if (memberType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                problems.Add(new JsonProblem(symbol, Subject(symbol, memberType), "a [JsonConverter] on a Nullable<T> member is not supported; put it on the type T, or make the member non-nullable"));
                return null;
            }

            converterFqn = JsonAttributes.ConverterFor(converter, memberType);
        }

        var numberHandling = JsonAttributes.NumberHandling(symbol);
        var extensionData = JsonAttributes.Has(symbol, JsonKnownTypes.JsonExtensionData);
        var options = converterFqn is null && numberHandling is null && !extensionData ? null : new JsonMemberOptions(converterFqn, numberHandling, extensionData);
        return new Member(symbol, memberType, settable, accessorSet, required, condition, options);
    }

    private static IMethodSymbol? Constructor(INamedTypeSymbol type, Context context, out string? problem)
    {
        problem = null;
        var marked = type.InstanceConstructors.Where(static c => JsonAttributes.Has(c, JsonKnownTypes.JsonConstructor)).ToList();
        if (marked.Count == 1)
        {
            if (context.CanAccess(marked[0]))
            {
                return marked[0];
            }

            problem = "has a [JsonConstructor] that is private or protected, which System.Text.Json cannot call either; make it internal or public";
            return null;
        }

        var candidates = type.InstanceConstructors.Where(static c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var parameterless = candidates.FirstOrDefault(c => c.Parameters.Length == 0 && !(type.IsValueType && c.IsImplicitlyDeclared));
        var parameterized = candidates.Where(static c => c.Parameters.Length > 0).ToList();
        var chosen = parameterless
            ?? (parameterized.Count == 1 ? parameterized[0] : null)
            ?? (type.IsValueType ? candidates.FirstOrDefault(static c => c.Parameters.Length == 0) : null);
        if (chosen is null)
        {
            problem = "has no public parameterless constructor and no single public constructor to read it back through; add one, or mark one with [JsonConstructor]";
        }

        return chosen;
    }

    private static bool IsPublic(ISymbol? symbol) => symbol is { DeclaredAccessibility: Accessibility.Public };

    private static string Subject(ISymbol member, ITypeSymbol type) =>
        $"The member '{member.ContainingType.ToDisplayString()}.{member.Name}' of type '{type.ToDisplayString()}'";

    private sealed record Member(ISymbol Symbol, ITypeSymbol Type, bool IsSettable, bool IsInitOnly, bool IsRequiredKeyword, string? IgnoreCondition, JsonMemberOptions? Options);

    /// <summary>What the generated resolver, compiled into <paramref name="Assembly"/>, can reach.</summary>
    private sealed record Context(IAssemblySymbol Assembly, Func<INamedTypeSymbol, bool> IsAccessible)
    {
        public bool CanAccess(ISymbol? symbol) => symbol?.DeclaredAccessibility switch
        {
            Accessibility.Public => true,
            Accessibility.Internal or Accessibility.ProtectedOrInternal =>
                SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Assembly) || symbol.ContainingAssembly.GivesAccessTo(Assembly),
            _ => false,
        };
    }
}

/// <summary>An object's members and creation, or why it cannot be created.</summary>
/// <param name="Model">The metadata model, or null when <paramref name="Problem"/> says why the object cannot be read back.</param>
/// <param name="Members">The serialized members, whose types are walked next.</param>
/// <param name="Problems">Problems with single members, reported where they are declared.</param>
/// <param name="Problem">A problem with the type itself, reported where the walk reached it.</param>
/// <param name="Losses">Members written but never read back (AF0020), with why and the fix.</param>
internal sealed record ObjectShape(JsonObjectModel? Model, IReadOnlyList<ISymbol> Members, IReadOnlyList<JsonProblem> Problems, string? Problem, IReadOnlyList<JsonProblem>? Losses = null);
