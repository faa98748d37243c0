using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// Resolves <c>[OnEvent(When = nameof(M))]</c>: a static method of the function's class taking the payload (or a base of
/// it) and returning <c>bool</c>, into the call the generated filter makes, or the reason it cannot (AF0037).
/// </summary>
internal static class FilterResolver
{
    /// <summary>The call on <c>p</c>, the payload, e.g. <c>global::Shop.Orders.IsLarge(p)</c>; null with <paramref name="problem"/> set when it cannot be made.</summary>
    public static string? Call(IMethodSymbol handler, string name, ITypeSymbol payload, Compilation compilation, out string? problem)
    {
        var container = handler.ContainingType;
        var candidates = KeyResolver.Candidates(container, name, payload);
        var method = candidates.FirstOrDefault(m => KeyResolver.MethodProblem(m, payload, compilation, returnsBool: true) is null);
        if (method is null)
        {
            problem = candidates.Length == 0
                ? $"'{container.ToDisplayString()}' has no method '{name}'"
                : KeyResolver.MethodProblem(candidates[0], payload, compilation, returnsBool: true);
            return null;
        }

        problem = null;
        return $"{SymbolNames.Fqn(container)}.{SymbolNames.Identifier(method.Name)}(p)";
    }
}
