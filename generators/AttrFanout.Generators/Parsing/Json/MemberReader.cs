using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>
/// Reads one property or field as System.Text.Json sees it: whether it is written (public, or <c>[JsonInclude]</c>d and
/// reachable from the generated code), how it is set when reading, and its converter, number handling and extension data.
/// </summary>
internal static class MemberReader
{
    public static JsonMember? Read(ISymbol symbol, MemberContext context, List<JsonProblem> problems)
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

        // An init accessor the generated code can call is called in the object initializer, as System.Text.Json's
        // generator does: a member missing from the JSON is then set to default, not left at its initializer's value.
        var initializable = initOnly && accessorSet && (included ? context.CanAccess(setter) : IsPublic(setter));

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
        var creationHandling = JsonAttributes.CreationHandling(symbol);
        var options = converterFqn is null && numberHandling is null && !extensionData && creationHandling is null
            ? null
            : new JsonMemberOptions(converterFqn, numberHandling, extensionData, creationHandling);
        return new JsonMember(symbol, memberType, settable, accessorSet, required, condition, options, initializable);
    }

    /// <summary>How AF0011 and AF0017 name a member, e.g. <c>The member 'Shop.Order.Total' of type 'decimal'</c>.</summary>
    public static string Subject(ISymbol member, ITypeSymbol type) =>
        $"The member '{member.ContainingType.ToDisplayString()}.{member.Name}' of type '{type.ToDisplayString()}'";

    private static bool IsPublic(ISymbol? symbol) => symbol is { DeclaredAccessibility: Accessibility.Public };
}

/// <summary>A member that is written, and how it is read back.</summary>
/// <param name="IsInitOnly">Whether it is set through an <c>[UnsafeAccessor]</c>: an <c>init</c> accessor or a non-public <c>[JsonInclude]</c>d setter.</param>
/// <param name="IsInitializable">Whether it has an <c>init</c> accessor the generated code can call, so it is set in the object initializer (like a <c>required</c> member) unless a constructor parameter binds it.</param>
internal sealed record JsonMember(ISymbol Symbol, ITypeSymbol Type, bool IsSettable, bool IsInitOnly, bool IsRequiredKeyword, string? IgnoreCondition, JsonMemberOptions? Options, bool IsInitializable = false);

/// <summary>What the generated resolver, compiled into <paramref name="Assembly"/>, can reach.</summary>
internal sealed record MemberContext(IAssemblySymbol Assembly, Func<INamedTypeSymbol, bool> IsAccessible)
{
    public bool CanAccess(ISymbol? symbol) => symbol?.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Internal or Accessibility.ProtectedOrInternal =>
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Assembly) || symbol.ContainingAssembly.GivesAccessTo(Assembly),
        _ => false,
    };
}
