using AttrFanout.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Parsing;

/// <summary>Reads the compilation-wide facts: the assembly's name and the generated modules of its references.</summary>
internal static class AssemblyParser
{
    public static AssemblyModel Parse(Compilation compilation, CancellationToken cancellationToken)
    {
        var assemblyName = compilation.AssemblyName ?? "Anonymous";
        var referencesRuntime = compilation.GetTypeByMetadataName(KnownNames.ModuleInterface) is not null;
        var modules = new List<string>();
        var emitsRegistration = true;
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ReferencesRuntime(reference))
            {
                continue;
            }

            foreach (var attribute in reference.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == KnownNames.FanoutModuleAttribute &&
                    attribute.ConstructorArguments.Length == 1 &&
                    attribute.ConstructorArguments[0].Value is INamedTypeSymbol module)
                {
                    modules.Add(SymbolNames.Fqn(module));
                }
            }

            if (reference.GetTypeByMetadataName(KnownNames.RegistrationClassMetadataName) is not null &&
                reference.GivesAccessTo(compilation.Assembly))
            {
                emitsRegistration = false;
            }
        }

        modules.Sort(StringComparer.Ordinal);
        return new AssemblyModel(assemblyName, ModuleNamespace(assemblyName), referencesRuntime, emitsRegistration, modules.ToEquatableArray());
    }

    /// <summary>Referenced assemblies that reference the runtime are the only ones that can carry a module.</summary>
    public static bool ReferencesRuntime(IAssemblySymbol assembly) =>
        assembly.Modules.Any(static m => m.ReferencedAssemblies.Any(static r => r.Name == KnownNames.RuntimeAssembly));

    private static string ModuleNamespace(string assemblyName)
    {
        var segments = assemblyName.Split('.').Select(Identifier);
        return KnownNames.ModuleNamespacePrefix + "." + string.Join(".", segments);
    }

    private static string Identifier(string segment)
    {
        var chars = segment.Select(static c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        var identifier = chars.Length == 0 ? "_" : new string(chars);
        if (char.IsDigit(identifier[0]))
        {
            identifier = "_" + identifier;
        }

        return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
    }
}
