using AttrFanout.Pipelines.Tests.Functions;
using AttrFanout.Pipelines.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Polly.Registry;

namespace AttrFanout.Pipelines.Tests;

/// <summary>The engine asks the app's <see cref="ResiliencePipelineProvider{TKey}"/> once per function, when it is created.</summary>
public sealed class PipelineLookupTests
{
    [Fact]
    public async Task Each_functions_pipeline_is_looked_up_once_when_the_engine_is_created_not_per_attempt()
    {
        await using var app = PipelineApp.Create(pipelines: s => s
            .AddAttributePipelines()
            .AddSingleton(sp => new CountingPipelineProvider(sp.GetRequiredService<ResiliencePipelineRegistry<string>>()))
            .AddSingleton<ResiliencePipelineProvider<string>>(sp => sp.GetRequiredService<CountingPipelineProvider>()));
        var lookups = app.Get<CountingPipelineProvider>().Lookups;
        var sender = app.Sender;
        string[] atStart = [.. lookups.Order(StringComparer.Ordinal)];

        var sends = new[] { await sender.SendAsync(new ChargeRequested("o-1")), await sender.SendAsync(new ChargeRequested("o-2")) };
        await app.UntilRunsAsync(sends, "charge-card", runs => runs.All(r => r.Status == RunStatus.RetryScheduled));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.UntilRunsAsync(sends, "charge-card", runs => runs.All(r => r.Attempts == 2 && r.Status == RunStatus.RetryScheduled));

        Assert.Equal([PipelineNamesUsed.Exports, PipelineNamesUsed.Lookups, PipelineNamesUsed.Payments], atStart);
        Assert.Equal(3, lookups.Count);
    }
}
