using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Model.FlowControl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>
/// Resolves a written key: first a static method of the function's class taking the payload (AF0023 when its signature is
/// wrong), else a member path over the payload, <c>"AccountId"</c> or <c>"Account.Id"</c> (AF0022 for a member it cannot read).
/// </summary>
internal static class KeyResolver
{
    public static KeyResolution Resolve(string key, IMethodSymbol handler, ITypeSymbol payload, Compilation compilation, KnownTypes types)
    {
        var payloadFqn = SymbolNames.Fqn(payload);
        var methods = Candidates(handler.ContainingType, key, payload);
        if (methods.Length > 0)
        {
            var method = methods.FirstOrDefault(m => MethodProblem(m, payload, compilation) is null);
            if (method is null)
            {
                return KeyResolution.Failed(Descriptors.InvalidKeyMethod, MethodProblem(methods[0], payload, compilation)!);
            }

            var call = $"{SymbolNames.Fqn(handler.ContainingType)}.{SymbolNames.Identifier(method.Name)}(({payloadFqn})p)";
            return Text(key, call, method.ReturnType, conditional: false, types);
        }

        return MemberPath(key, payload, payloadFqn, compilation, types);
    }

    /// <summary>Resolves <paramref name="key"/> as a member path over <paramref name="payload"/> only, as <c>[CancelOn(Match = ...)]</c> reads it.</summary>
    public static KeyResolution ResolveMember(string key, ITypeSymbol payload, Compilation compilation, KnownTypes types) =>
        MemberPath(key, payload, SymbolNames.Fqn(payload), compilation, types);

    /// <summary>
    /// The ordinary methods named <paramref name="name"/> of <paramref name="type"/>, one taking exactly the payload type first,
    /// as the compiler's overload resolution prefers it for the generated call.
    /// </summary>
    public static IMethodSymbol[] Candidates(INamedTypeSymbol type, string name, ITypeSymbol payload) =>
        type.GetMembers(name)
            .OfType<IMethodSymbol>()
            .Where(static m => m.MethodKind == MethodKind.Ordinary)
            .OrderBy(m => m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, payload) ? 0 : 1)
            .ToArray();

    /// <summary>Why <paramref name="method"/> cannot be called as <c>static R M(TPayload)</c> by generated code, or null.</summary>
    public static string? MethodProblem(IMethodSymbol method, ITypeSymbol payload, Compilation compilation, bool returnsInt = false, bool returnsBool = false)
    {
        if (!method.IsStatic)
        {
            return "it is not static";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic";
        }

        if (method.Parameters.Length != 1)
        {
            return $"it takes {method.Parameters.Length} parameters instead of the payload alone";
        }

        var parameter = method.Parameters[0];
        if (parameter.RefKind is not (RefKind.None or RefKind.In) || !TakesPayload(parameter.Type, payload, compilation))
        {
            return $"it takes '{parameter.Type.ToDisplayString()}', which is not the payload type '{payload.ToDisplayString()}' or a base type or interface of it";
        }

        if (returnsInt ? method.ReturnType.SpecialType != SpecialType.System_Int32
            : returnsBool ? method.ReturnType.SpecialType != SpecialType.System_Boolean
            : method.ReturnsVoid)
        {
            return $"it returns {method.ReturnType.ToDisplayString()}";
        }

        return compilation.IsSymbolAccessibleWithin(method, compilation.Assembly)
            ? null
            : $"it is {AccessibilityText(method.DeclaredAccessibility)}, so generated code cannot call it; make it internal or public";
    }

    public static bool TakesPayload(ITypeSymbol parameter, ITypeSymbol payload, Compilation compilation)
    {
        var conversion = compilation.ClassifyConversion(payload, parameter);
        return conversion.IsIdentity || (conversion.IsImplicit && (conversion.IsReference || conversion.IsBoxing));
    }

    private static KeyResolution MemberPath(string key, ITypeSymbol payload, string payloadFqn, Compilation compilation, KnownTypes types)
    {
        var value = $"(({payloadFqn})p)";
        var type = payload;
        var conditional = false;
        var first = true;
        var segments = key.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var owner = KeyText.Underlying(type).WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (segment.Trim().Length == 0)
            {
                return KeyResolution.Failed(
                    Descriptors.UnknownKeyMember,
                    "it is not a member path; name a member of the payload (nameof(...)), a dotted path such as \"Account.Id\", or a static key method of the function's class");
            }

            var member = Readable(owner, compilation).FirstOrDefault(m => m.Name == segment);
            if (member is null)
            {
                var nearest = FanoutNames.FindNearest(segment, Readable(owner, compilation).Select(static m => m.Name));
                var advice = nearest is null ? "" : $"; did you mean '{nearest}'?";
                return KeyResolution.Failed(
                    Descriptors.UnknownKeyMember,
                    $"'{owner.ToDisplayString()}' has no property or field '{segment}' that generated code can read{advice}",
                    nearest is null ? null : string.Join(".", segments.Take(i).Append(nearest).Concat(segments.Skip(i + 1))));
            }

            var access = !first && KeyText.MayBeNull(type) ? "?." : ".";
            first = false;
            conditional |= access == "?.";
            value += access + SymbolNames.Identifier(member.Name);
            type = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
        }

        return Text(key, value, type, conditional, types);
    }

    private static KeyResolution Text(string key, string value, ITypeSymbol type, bool conditional, KnownTypes types)
    {
        var (text, stable) = KeyText.Of(value, type, conditional, types);
        return KeyResolution.Resolved(new KeyModel(key, text), stable ? null : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(), type);
    }

    /// <summary>The instance properties and fields of <paramref name="type"/> (and its base types and interfaces) generated code can read.</summary>
    private static IEnumerable<ISymbol> Readable(ITypeSymbol type, Compilation compilation)
    {
        var owners = new List<ITypeSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            owners.Add(current);
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            owners.AddRange(type.AllInterfaces);
        }

        foreach (var owner in owners)
        {
            foreach (var member in owner.GetMembers())
            {
                var readable = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: { } getter } => compilation.IsSymbolAccessibleWithin(getter, compilation.Assembly),
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } => compilation.IsSymbolAccessibleWithin(member, compilation.Assembly),
                    _ => false,
                };
                if (readable && member.CanBeReferencedByName)
                {
                    yield return member;
                }
            }
        }
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not accessible",
    };
}
