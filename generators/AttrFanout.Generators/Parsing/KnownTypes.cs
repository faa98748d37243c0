using System.Runtime.CompilerServices;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>The runtime and BCL types a handler's shape is judged against, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new();

    private KnownTypes(Compilation compilation)
    {
        EventOfT = compilation.GetTypeByMetadataName(KnownNames.EventOfT);
        FunctionContext = compilation.GetTypeByMetadataName(KnownNames.FunctionContext);
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        FromKeyedServices = compilation.GetTypeByMetadataName(KnownNames.FromKeyedServicesAttribute);
        ActivatorUtilitiesConstructor = compilation.GetTypeByMetadataName(KnownNames.ActivatorUtilitiesConstructorAttribute);
        FlowAttributes = new FlowAttributeTypes(compilation);
        Formattable = compilation.GetTypeByMetadataName("System.IFormattable");
        FormatProvider = compilation.GetTypeByMetadataName("System.IFormatProvider");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        ReadOnlyListOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
        DebounceAttribute = compilation.GetTypeByMetadataName(KnownNames.DebounceAttribute);
        BatchAttribute = compilation.GetTypeByMetadataName(KnownNames.BatchAttribute);
        CancelOnAttribute = compilation.GetTypeByMetadataName(KnownNames.CancelOnAttribute);
    }

    public INamedTypeSymbol? EventOfT { get; }

    public INamedTypeSymbol? FunctionContext { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? FromKeyedServices { get; }

    public INamedTypeSymbol? ActivatorUtilitiesConstructor { get; }

    /// <summary>The flow-control attribute types (<c>[Concurrency]</c>, <c>[Throttle]</c>, ...).</summary>
    public FlowAttributeTypes FlowAttributes { get; }

    public INamedTypeSymbol? Formattable { get; }

    public INamedTypeSymbol? FormatProvider { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>, the parameter of a batch handler.</summary>
    public INamedTypeSymbol? ReadOnlyListOfT { get; }

    public INamedTypeSymbol? DebounceAttribute { get; }

    public INamedTypeSymbol? BatchAttribute { get; }

    public INamedTypeSymbol? CancelOnAttribute { get; }

    /// <summary>Gets the types of <paramref name="compilation"/>, resolved once however many handlers ask.</summary>
    public static KnownTypes From(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownTypes(c));
}
