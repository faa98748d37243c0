using AttrFanout.Stores;
using Polly;
using Polly.Registry;

namespace AttrFanout.Engine;

/// <summary>
/// Finds, once when the engine is created, the app's own resilience pipeline each function names; a name no registration
/// satisfies stops the engine from being created, naming the function and the pipeline.
/// </summary>
internal static class AppPipelines
{
    /// <param name="function">The function.</param>
    /// <param name="settings">Its effective settings, whose <see cref="FunctionSettings.Pipeline"/> is the name.</param>
    /// <param name="options">The options, to say whether configuration or the attribute set the name.</param>
    /// <param name="registry">The app's pipelines (Polly.Extensions registers them), or <see langword="null"/> when it registered none.</param>
    /// <returns>The pipeline, or <see langword="null"/> when the function names none.</returns>
    /// <exception cref="AttrFanoutConfigurationException">The name matches no registered pipeline.</exception>
    public static ResiliencePipeline? Resolve(FunctionDescriptor function, FunctionSettings settings, AttrFanoutOptions options, ResiliencePipelineProvider<string>? registry)
    {
        if (settings.Pipeline is not { } name)
        {
            return null;
        }

        if (registry is not null && registry.TryGetPipeline(name, out var pipeline))
        {
            return pipeline;
        }

        var setBy = options.Functions.TryGetValue(function.Id, out var overrides) && overrides.Pipeline is not null
            ? $"{AttrFanoutOptions.SectionName}:Functions:{function.Id}:Pipeline"
            : "its [OnEvent(Pipeline = ...)]";
        var registered = registry is null
            ? "the app registers no resilience pipelines at all"
            : "no pipeline is registered under that name (Polly's registry cannot list the names it has)";
        throw new AttrFanoutConfigurationException(
            $"Function '{function.Id}' ({function.Handler}) runs its attempts through the resilience pipeline '{name}' (set by {setBy}), but {registered}. " +
            $"Register it with services.AddResiliencePipeline(\"{name}\", ...) from Polly.Extensions, or correct the name.");
    }
}
