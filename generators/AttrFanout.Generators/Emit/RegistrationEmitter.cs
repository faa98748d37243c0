using AttrFanout.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes <c>AddAttrFanout()</c>, composing this assembly's module with those of every referenced project.</summary>
internal static class RegistrationEmitter
{
    public const string HintName = "AttrFanoutServiceCollectionExtensions.g.cs";

    /// <summary>
    /// This emits:
    /// <code>
    /// internal static class AttrFanoutServiceCollectionExtensions
    /// {
    ///     public static IServiceCollection AddAttrFanout(this IServiceCollection services, Action&lt;AttrFanoutOptions&gt;? configure = null) =>
    ///         AttrFanoutRegistration.AddAttrFanoutCore(services, [this assembly's module, each referenced module], configure);
    /// }
    /// </code>
    /// </summary>
    public static SourceText Emit(DispatchModel model)
    {
        var modules = new List<string>();
        if (model.HasModule)
        {
            modules.Add(ModuleEmitter.ModuleFqn(model.Assembly));
        }

        modules.AddRange(model.Assembly.ReferencedModules);

        var writer = new SourceWriter().WriteFileHeader();
        writer.WriteLine("namespace Microsoft.Extensions.DependencyInjection;").WriteLine();
        writer.WriteLine("/// <summary>Registers AttrFanout with the functions of this project and of every project it references.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.OpenBlock($"internal static class {KnownNames.RegistrationClass}");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Registers the AttrFanout runtime with every function of this project and of the projects it references,");
        writer.WriteLine("/// found at compile time.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"services\">The services to add to.</param>");
        writer.WriteLine("/// <param name=\"configure\">Configures the runtime's options.</param>");
        writer.WriteLine("/// <returns>The services.</returns>");
        writer.WriteLine("public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddAttrFanout(");
        writer.Indent();
        writer.WriteLine("this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,");
        writer.WriteLine("global::System.Action<global::AttrFanout.AttrFanoutOptions>? configure = null)");
        writer.WriteLine("=> global::AttrFanout.AttrFanoutRegistration.AddAttrFanoutCore(");
        writer.Indent();
        writer.WriteLine("services,");
        if (modules.Count == 0)
        {
            writer.WriteLine("global::System.Array.Empty<global::AttrFanout.Generated.IFanoutModule>(),");
        }
        else
        {
            writer.OpenBlock("new global::AttrFanout.Generated.IFanoutModule[]");
            foreach (var module in modules)
            {
                writer.WriteLine($"{module}.Instance,");
            }

            writer.CloseBlock(",");
        }

        writer.WriteLine("configure);");
        writer.Unindent();
        writer.Unindent();
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
