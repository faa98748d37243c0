using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>
/// Reads how a class, record or struct is written and read back: its public instance properties and <c>[JsonInclude]</c>d
/// fields in System.Text.Json's order (the type's own properties, then its fields, then its base type's; <c>[JsonIgnore]</c>d
/// ones left out; <see cref="MemberReader"/> reads each), the constructor and the object initializer that create it
/// (<c>required</c> members, and <c>init</c> members the generated code can set, as System.Text.Json's generator does: one
/// missing from the JSON is set to default), the accessors that set the rest, and the members nothing sets (AF0017).
/// </summary>
internal static class ObjectShapeReader
{
    /// <summary>Reads <paramref name="type"/> as seen from <paramref name="assembly"/>, where the generated resolver lives.</summary>
    public static ObjectShape Read(INamedTypeSymbol type, IAssemblySymbol assembly, Func<INamedTypeSymbol, bool> isAccessible)
    {
        var context = new MemberContext(assembly, isAccessible);
        var problems = new List<JsonProblem>();
        var members = Members(type, context, problems);
        if (type.IsAbstract)
        {
            // A polymorphic base: written through its subtypes' metadata, read back as the subtype its discriminator names.
            var written = members.Select(static m => Property(m, m.IsSettable, m.IsInitOnly)).ToEquatableArray();
            var abstractModel = new JsonObjectModel(false, false, written, EquatableArray<JsonParameterModel>.Empty, JsonAttributes.NumberHandling(type), IsAbstract: true, JsonAttributes.CreationHandling(type));
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
            .Where(m => !bound.Contains(m.Symbol.Name) && ((m.IsRequiredKeyword && !setsRequired) || m.IsInitializable))
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
            .Select(m => ReadBackCheck.Loss(m.Symbol, m.Type) is { } loss ? new JsonProblem(m.Symbol, MemberReader.Subject(m.Symbol, m.Type), loss) : null)
            .OfType<JsonProblem>()
            .ToList();

        var model = new JsonObjectModel(type.IsValueType, parameters.Count > 0, properties, parameters.ToEquatableArray(), JsonAttributes.NumberHandling(type), CreationHandling: JsonAttributes.CreationHandling(type), UnmappedMemberHandling: JsonAttributes.UnmappedMemberHandling(type));
        return new ObjectShape(model, members.Select(static m => m.Symbol).ToArray(), problems, null, losses, SkippedFieldCheck.Find(type).ToList());
    }

    private static JsonPropertyModel Property(JsonMember m, bool settable, bool accessorSet) =>
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

    private static List<JsonMember> Members(INamedTypeSymbol type, MemberContext context, List<JsonProblem> problems)
    {
        var levels = new List<List<JsonMember>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var jsonNames = new Dictionary<string, string>(StringComparer.Ordinal);
        IEnumerable<INamedTypeSymbol> hierarchy = type.TypeKind == TypeKind.Interface ? [type, .. type.AllInterfaces] : BaseTypes(type);
        foreach (var current in hierarchy)
        {
            var level = new List<JsonMember>();
            foreach (var symbol in PropertiesThenFields(current))
            {
                if (symbol.IsStatic || symbol is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false, AssociatedSymbol: null, IsImplicitlyDeclared: false }) || !names.Add(symbol.Name))
                {
                    continue;
                }

                if (MemberReader.Read(symbol, context, problems) is { } member)
                {
                    var jsonName = JsonAttributes.PropertyName(symbol) ?? symbol.Name;
                    if (jsonNames.TryGetValue(jsonName, out var other))
                    {
                        problems.Add(new JsonProblem(symbol, MemberReader.Subject(symbol, member.Type), $"its JSON name '{jsonName}' is also the name of '{other}'"));
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

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type; current is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType) }; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>A type's own members as System.Text.Json orders them: properties in declaration order, then fields.</summary>
    private static IEnumerable<ISymbol> PropertiesThenFields(INamedTypeSymbol type)
    {
        var members = type.GetMembers();
        return members.Where(static m => m is IPropertySymbol).Concat(members.Where(static m => m is IFieldSymbol));
    }

    private static IMethodSymbol? Constructor(INamedTypeSymbol type, MemberContext context, out string? problem)
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
}

/// <summary>An object's members and creation, or why it cannot be created.</summary>
/// <param name="Model">The metadata model, or null when <paramref name="Problem"/> says why the object cannot be read back.</param>
/// <param name="Members">The serialized members, whose types are walked next.</param>
/// <param name="Problems">Problems with single members, reported where they are declared.</param>
/// <param name="Problem">A problem with the type itself, reported where the walk reached it.</param>
/// <param name="Losses">Members written but never read back (AF0017), with why and the fix.</param>
/// <param name="SkippedFields">Public fields never written, for want of <c>[JsonInclude]</c> (AF0019).</param>
internal sealed record ObjectShape(
    JsonObjectModel? Model,
    IReadOnlyList<ISymbol> Members,
    IReadOnlyList<JsonProblem> Problems,
    string? Problem,
    IReadOnlyList<JsonProblem>? Losses = null,
    IReadOnlyList<JsonProblem>? SkippedFields = null);
