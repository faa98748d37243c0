using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>Every event name known to the compilation, from its own <c>[Event]</c> types and its references, with the types declaring it.</summary>
internal sealed class EventCatalog
{
    private readonly Dictionary<string, List<EventSource>> byName = new(StringComparer.Ordinal);

    public EventCatalog(IEnumerable<DeclaredEvent> own, IEnumerable<ReferencedEvent> referenced)
    {
        foreach (var declared in own)
        {
            Add(declared.Name, EventSource.Of(declared));
        }

        foreach (var reference in referenced)
        {
            Add(reference.Name, EventSource.Of(reference));
        }
    }

    public IEnumerable<string> Names => byName.Keys;

    /// <summary>The declarations of <paramref name="name"/>, or null when nothing declares it.</summary>
    public IReadOnlyList<EventSource>? Find(string name) => byName.TryGetValue(name, out var sources) ? sources : null;

    /// <summary>The payload type of <paramref name="name"/> when exactly one type declares it, else null.</summary>
    public ITypeSymbol? SinglePayloadType(string name)
    {
        if (Find(name) is not { } sources)
        {
            return null;
        }

        var type = sources[0].Type;
        return sources.All(s => SymbolEqualityComparer.Default.Equals(s.Type, type)) ? type : null;
    }

    private void Add(string name, EventSource source)
    {
        if (!byName.TryGetValue(name, out var sources))
        {
            byName[name] = sources = [];
        }

        sources.Add(source);
    }
}
