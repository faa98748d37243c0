using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>Whether generated code, in another file of the same assembly, can name a handler or a payload type, and why not.</summary>
internal static class Reachability
{
    /// <summary>Why the generated dispatch table cannot call <paramref name="method"/> (AF0008), or null.</summary>
    public static string? MethodProblem(IMethodSymbol method)
    {
        if (method.IsGenericMethod)
        {
            return "it is generic";
        }

        if (!method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return $"it is an explicit implementation of '{method.ExplicitInterfaceImplementations[0].ToDisplayString()}', which cannot be called by its name; put [OnEvent] on a public or internal method that calls it";
        }

        if (!IsReachable(method.DeclaredAccessibility))
        {
            return $"it is {Describe(method.DeclaredAccessibility)}; make it public or internal";
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return $"its type '{type.ToDisplayString()}' is generic";
            }

            if (TypeProblem(type) is { } problem)
            {
                return $"its type '{type.ToDisplayString()}' {problem}";
            }
        }

        if (!method.IsStatic)
        {
            var type = method.ContainingType!;
            if (type.IsAbstract || type.TypeKind != TypeKind.Class)
            {
                return $"it is an instance method of '{type.ToDisplayString()}', which cannot be created per run; use a non-abstract class or make the method static";
            }
        }

        return null;
    }

    /// <summary>Why generated code cannot name <paramref name="type"/> or one of its containing types, or null.</summary>
    public static string? TypeNameProblem(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.ContainingType)
        {
            if (TypeProblem(current) is { } problem)
            {
                var role = SymbolEqualityComparer.Default.Equals(current, type) ? "it" : $"its containing type '{current.ToDisplayString()}'";
                return $"{role} {problem}";
            }
        }

        return null;
    }

    /// <summary>Why generated code cannot name <paramref name="type"/> itself, to follow the type's role ("it is private; ..."), or null.</summary>
    private static string? TypeProblem(INamedTypeSymbol type) =>
        type.IsFileLocal ? "is file-local ('file'), and generated code lives in another file; make it internal instead" :
        !IsReachable(type.DeclaredAccessibility) ? $"is {Describe(type.DeclaredAccessibility)}; make it public or internal" :
        null;

    private static bool IsReachable(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}
