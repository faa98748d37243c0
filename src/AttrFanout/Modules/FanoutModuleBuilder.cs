using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Generated;

/// <summary>Collects what the generated modules register. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FanoutModuleBuilder
{
    private readonly List<EventDescriptor> _events = [];
    private readonly List<FunctionDescriptor> _functions = [];

    internal FanoutModuleBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the services, for registering handler classes.</summary>
    public IServiceCollection Services { get; }

    internal IReadOnlyList<EventDescriptor> Events => _events;

    internal IReadOnlyList<FunctionDescriptor> Functions => _functions;

    /// <summary>Adds an event.</summary>
    /// <param name="descriptor">The event.</param>
    public void AddEvent(EventDescriptor descriptor) => _events.Add(descriptor);

    /// <summary>Adds a function.</summary>
    /// <param name="descriptor">The function.</param>
    public void AddFunction(FunctionDescriptor descriptor) => _functions.Add(descriptor);
}
