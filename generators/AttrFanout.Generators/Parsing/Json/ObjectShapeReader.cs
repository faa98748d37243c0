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
    public static ObjectShape Read(INamedTypeSymbol type)
    {
        var problems = new List<JsonProblem>();
        var members = Members(type, problems);
        var constructor = Constructor(type, out var constructorProblem);
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
            .Select(m => new JsonPropertyModel(
                m.Symbol.Name,
                SymbolNames.Fqn(m.Type),
                SymbolNames.Fqn(m.Symbol.ContainingType),
                m.Symbol is IPropertySymbol,
                JsonAttributes.PropertyName(m.Symbol),
                m.IsSettable && !bound.Contains(m.Symbol.Name) && !initializers.Contains(m.Symbol.Name),
                m.IgnoreCondition,
                m.IsRequiredKeyword || JsonAttributes.Has(m.Symbol, JsonKnownTypes.JsonRequired),
                m.IsInitOnly && !bound.Contains(m.Symbol.Name) && !initializers.Contains(m.Symbol.Name),
                JsonAttributes.Order(m.Symbol)))
            .ToEquatableArray();

        var model = new JsonObjectModel(type.IsValueType, parameters.Count > 0, properties, parameters.ToEquatableArray());
        return new ObjectShape(model, members.Select(static m => m.Symbol).ToArray(), problems, null);
    }

    private static List<Member> Members(INamedTypeSymbol type, List<JsonProblem> problems)
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

                if (Read(symbol, problems) is { } member)
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

    private static Member? Read(ISymbol symbol, List<JsonProblem> problems)
    {
        var (memberType, readable, settable, initOnly, required) = symbol switch
        {
            IPropertySymbol p => (p.Type, IsPublic(p.GetMethod), IsPublic(p.SetMethod) && p.SetMethod!.IsInitOnly is false, IsPublic(p.SetMethod) && p.SetMethod!.IsInitOnly, p.IsRequired),
            IFieldSymbol f => (f.Type, f.DeclaredAccessibility == Accessibility.Public, f.DeclaredAccessibility == Accessibility.Public && !f.IsReadOnly, false, f.IsRequired),
            _ => throw new InvalidOperationException(symbol.Kind.ToString()),
        };

        var (ignored, condition) = JsonAttributes.Ignore(symbol);
        if (ignored || symbol is IFieldSymbol && !JsonAttributes.Has(symbol, JsonKnownTypes.JsonInclude))
        {
            return null;
        }

        if (!readable || symbol.DeclaredAccessibility != Accessibility.Public)
        {
            if (JsonAttributes.Has(symbol, JsonKnownTypes.JsonInclude))
            {
                problems.Add(new JsonProblem(symbol, Subject(symbol, memberType), "[JsonInclude] on a member without a public getter is not supported"));
            }

            return null;
        }

        if (!settable && !initOnly && symbol is IPropertySymbol { SetMethod: not null } && JsonAttributes.Has(symbol, JsonKnownTypes.JsonInclude))
        {
            problems.Add(new JsonProblem(symbol, Subject(symbol, memberType), "[JsonInclude] on a property without a public setter is not supported"));
            return null;
        }

        if (JsonAttributes.FirstUnsupported(symbol) is { } attribute)
        {
            problems.Add(new JsonProblem(symbol, Subject(symbol, memberType), $"it has {attribute}, which the generated metadata does not apply"));
            return null;
        }

        return new Member(symbol, memberType, settable, initOnly, required, condition);
    }

    private static IMethodSymbol? Constructor(INamedTypeSymbol type, out string? problem)
    {
        problem = null;
        var marked = type.InstanceConstructors.Where(static c => JsonAttributes.Has(c, JsonKnownTypes.JsonConstructor)).ToList();
        if (marked.Count == 1)
        {
            if (marked[0].DeclaredAccessibility == Accessibility.Public)
            {
                return marked[0];
            }

            problem = "has a [JsonConstructor] that is not public";
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

    private static bool IsPublic(IMethodSymbol? accessor) => accessor is { DeclaredAccessibility: Accessibility.Public };

    private static string Subject(ISymbol member, ITypeSymbol type) =>
        $"The member '{member.ContainingType.ToDisplayString()}.{member.Name}' of type '{type.ToDisplayString()}'";

    private sealed record Member(ISymbol Symbol, ITypeSymbol Type, bool IsSettable, bool IsInitOnly, bool IsRequiredKeyword, string? IgnoreCondition);
}

/// <summary>An object's members and creation, or why it cannot be created.</summary>
/// <param name="Model">The metadata model, or null when <paramref name="Problem"/> says why the object cannot be read back.</param>
/// <param name="Members">The serialized members, whose types are walked next.</param>
/// <param name="Problems">Problems with single members, reported where they are declared.</param>
/// <param name="Problem">A problem with the type itself, reported where the walk reached it.</param>
internal sealed record ObjectShape(JsonObjectModel? Model, IReadOnlyList<ISymbol> Members, IReadOnlyList<JsonProblem> Problems, string? Problem);
