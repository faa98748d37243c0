using System.Collections.Immutable;
using AttrFanout.Generators.Parsing;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>
/// The events and functions that referenced assemblies record in their metadata (<c>FanoutEventAttribute</c>,
/// <c>FanoutFunctionAttribute</c>): every assembly that references the runtime, and the runtime itself.
/// </summary>
internal sealed class ReferencedCatalog
{
    private ReferencedCatalog(ImmutableArray<ReferencedEvent> events, ImmutableArray<ReferencedFunction> functions)
    {
        Events = events;
        Functions = functions;
    }

    public ImmutableArray<ReferencedEvent> Events { get; }

    public ImmutableArray<ReferencedFunction> Functions { get; }

    public static ReferencedCatalog Read(Compilation compilation, FanoutSymbols symbols, CancellationToken cancellationToken)
    {
        var events = ImmutableArray.CreateBuilder<ReferencedEvent>();
        var functions = ImmutableArray.CreateBuilder<ReferencedFunction>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Name != KnownNames.RuntimeAssembly && !AssemblyParser.ReferencesRuntime(assembly))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                var arguments = attribute.ConstructorArguments;
                if (Is(attribute, symbols.FanoutEventAttribute) && arguments.Length == 2 &&
                    arguments[0].Value is string name && arguments[1].Value is ITypeSymbol type)
                {
                    events.Add(new ReferencedEvent(name, type, assembly.Name));
                }
                else if (Is(attribute, symbols.FanoutFunctionAttribute) && arguments.Length == 3 &&
                    arguments[0].Value is string id && arguments[1].Value is string eventName && arguments[2].Value is string handler)
                {
                    functions.Add(new ReferencedFunction(id, eventName, handler, assembly.Name, Scopes(attribute)));
                }
            }
        }

        return new ReferencedCatalog(events.ToImmutable(), functions.ToImmutable());
    }

    private static List<(string Scope, int Limit)>? Scopes(AttributeData attribute)
    {
        var written = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "ConcurrencyScopes").Value;
        if (written.Kind != TypedConstantKind.Array || written.IsNull)
        {
            return null;
        }

        var scopes = new List<(string Scope, int Limit)>();
        foreach (var entry in written.Values)
        {
            if (ScopeLimits.TryParse(entry.Value as string, out var scope, out var limit))
            {
                scopes.Add((scope, limit));
            }
        }

        return scopes;
    }

    private static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
}
