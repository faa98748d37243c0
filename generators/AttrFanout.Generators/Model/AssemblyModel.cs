namespace AttrFanout.Generators.Model;

/// <summary>The few facts about the compilation the emitters need.</summary>
/// <param name="AssemblyName">The assembly being compiled.</param>
/// <param name="ModuleNamespace">The namespace of this assembly's generated module.</param>
/// <param name="ReferencesRuntime">Whether the AttrFanout runtime is referenced, so generated code can compile.</param>
/// <param name="EmitsRegistration">Whether to emit <c>AddAttrFanout()</c>: not when a referenced project already exposes its own to this one.</param>
/// <param name="ReferencedModules">The generated module types of referenced projects, sorted.</param>
internal sealed record AssemblyModel(
    string AssemblyName,
    string ModuleNamespace,
    bool ReferencesRuntime,
    bool EmitsRegistration,
    EquatableArray<string> ReferencedModules);
