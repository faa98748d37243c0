using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Triggers;

/// <summary>
/// The payload types of every event the compilation knows: its own <c>[Event]</c> types and those its references record in
/// <c>FanoutEventAttribute</c>. Built once per compilation, and only when a <c>[CancelOn]</c> asks.
/// </summary>
internal sealed class EventPayloads
{
    private static readonly ConditionalWeakTable<Compilation, EventPayloads> Cache = new();

    private readonly Dictionary<string, List<ITypeSymbol>> _byName = new(StringComparer.Ordinal);

    private EventPayloads(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(KnownNames.EventAttribute) is { } eventAttribute)
        {
            AddOwn(compilation.Assembly.GlobalNamespace, eventAttribute);
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == KnownNames.RuntimeAssembly || AssemblyParser.ReferencesRuntime(assembly))
            {
                AddReferenced(assembly);
            }
        }
    }

    public IEnumerable<string> Names => _byName.Keys;

    public static EventPayloads From(Compilation compilation) => Cache.GetValue(compilation, static c => new EventPayloads(c));

    /// <summary>The payload type of <paramref name="name"/> when exactly one type declares it, else null.</summary>
    public ITypeSymbol? Single(string name) =>
        _byName.TryGetValue(name, out var types) && types.Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).Count() == 1 ? types[0] : null;

    public bool Contains(string name) => _byName.ContainsKey(name);

    private void AddOwn(INamespaceOrTypeSymbol container, INamedTypeSymbol eventAttribute)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol type)
                {
                    foreach (var attribute in type.GetAttributes())
                    {
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, eventAttribute) && EventParser.EventName(attribute) is { } name)
                        {
                            Add(name, type);
                        }
                    }
                }

                AddOwn(nested, eventAttribute);
            }
        }
    }

    private void AddReferenced(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            var arguments = attribute.ConstructorArguments;
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.FanoutEventAttribute && arguments.Length == 2 &&
                arguments[0].Value is string name && arguments[1].Value is ITypeSymbol type)
            {
                Add(name, type);
            }
        }
    }

    private void Add(string name, ITypeSymbol type)
    {
        if (!_byName.TryGetValue(name, out var types))
        {
            _byName[name] = types = [];
        }

        types.Add(type);
    }
}
