using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// The names of the methods, in the runtime and the assemblies that reference it, whose type parameter must be an
/// <c>IEventPayload</c> (<c>SendAsync</c>, <c>SendManyAsync</c>, <c>SendAndRunAsync</c>, ...): read once per compilation so
/// <see cref="SendAnalyzer"/> binds only the invocations that can be sends.
/// </summary>
internal static class SendMethodNames
{
    public static HashSet<string> From(Compilation compilation, INamedTypeSymbol payloadInterface, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == KnownNames.RuntimeAssembly || AssemblyParser.ReferencesRuntime(assembly))
            {
                Collect(assembly.GlobalNamespace, payloadInterface, names, cancellationToken);
            }
        }

        return names;
    }

    private static void Collect(INamespaceOrTypeSymbol container, INamedTypeSymbol payloadInterface, HashSet<string> names, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested when member.DeclaredAccessibility is Accessibility.Public or Accessibility.NotApplicable:
                    Collect(nested, payloadInterface, names, cancellationToken);
                    break;
                case IMethodSymbol { IsGenericMethod: true } method when Constrains(method, payloadInterface):
                    names.Add(method.Name);
                    break;
            }
        }
    }

    private static bool Constrains(IMethodSymbol method, INamedTypeSymbol payloadInterface) =>
        method.TypeParameters.Any(p => p.ConstraintTypes.Contains(payloadInterface, SymbolEqualityComparer.Default));
}
