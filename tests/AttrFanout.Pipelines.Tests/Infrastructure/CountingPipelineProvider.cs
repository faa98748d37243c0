using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Polly;
using Polly.Registry;

namespace AttrFanout.Pipelines.Tests.Infrastructure;

/// <summary>The app's pipelines, counting each lookup by name.</summary>
public sealed class CountingPipelineProvider(ResiliencePipelineProvider<string> inner) : ResiliencePipelineProvider<string>
{
    public ConcurrentQueue<string> Lookups { get; } = new();

    public override bool TryGetPipeline(string key, [NotNullWhen(true)] out ResiliencePipeline? pipeline)
    {
        Lookups.Enqueue(key);
        return inner.TryGetPipeline(key, out pipeline);
    }

    public override bool TryGetPipeline<TResult>(string key, [NotNullWhen(true)] out ResiliencePipeline<TResult>? pipeline)
    {
        Lookups.Enqueue(key);
        return inner.TryGetPipeline(key, out pipeline);
    }
}
