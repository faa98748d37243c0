using System.ComponentModel;

namespace AttrFanout.Generated;

/// <summary>
/// Marks an assembly whose generated module registers AttrFanout functions or events, so that an app
/// referencing it composes the module at compile time. Emitted by the generator.
/// </summary>
/// <param name="moduleType">The generated module type; it implements <see cref="IFanoutModule"/>.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class FanoutModuleAttribute(Type moduleType) : Attribute
{
    /// <summary>Gets the generated module type.</summary>
    public Type ModuleType { get; } = moduleType;
}
