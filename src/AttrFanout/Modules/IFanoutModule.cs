using System.ComponentModel;

namespace AttrFanout.Generated;

/// <summary>
/// The functions and events of one assembly, as its generated code registers them.
/// Used by generated code; not meant to be implemented by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFanoutModule
{
    /// <summary>Gets the name of the assembly the module belongs to.</summary>
    string AssemblyName { get; }

    /// <summary>Adds the module's events, functions and handler services.</summary>
    /// <param name="builder">What the module adds to.</param>
    void Register(FanoutModuleBuilder builder);
}
