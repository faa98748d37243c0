using AttrFanout.Pipelines.Tests.Functions;
using AttrFanout.Pipelines.Tests.Infrastructure;
using AttrFanout.Stores;
using Polly.CircuitBreaker;

namespace AttrFanout.Pipelines.Tests;

/// <summary><c>AttrFanout:Functions:&lt;id&gt;:Pipeline</c> sets a function's pipeline, and wins over the attribute's.</summary>
public sealed class ConfiguredPipelineTests
{
    [Fact]
    public async Task A_pipeline_set_by_configuration_runs_around_the_functions_attempts()
    {
        await using var app = PipelineApp.Create(
            pipelines: s => s.AddAttributePipelines().AddQuotes(),
            configuration: new() { ["AttrFanout:Functions:fetch-quote:Pipeline"] = PipelineNamesUsed.Quotes });
        var sender = app.Sender;
        await app.Get<CircuitBreakerManualControl>().IsolateAsync();

        var result = await sender.SendAsync(new QuoteRequested("ACME"));
        var run = await app.CompletionOf(result.RunIds[0]);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(typeof(IsolatedCircuitException).FullName, run.ErrorType);
        Assert.Equal(0, app.Calls.CountOf("fetch-quote"));
    }

    [Fact]
    public void Configuration_wins_over_the_attribute_and_the_attribute_applies_without_it()
    {
        var function = new FunctionDescriptor<QuoteRequested>("fetch-quote", "pipelines/quote", static (_, _, _, _) => default) { Pipeline = "from-attribute" };
        var options = new AttrFanoutOptions();

        Assert.Equal("from-attribute", FunctionSettings.Resolve(function, options).Pipeline);

        options.Functions["fetch-quote"] = new FunctionOptions { Pipeline = "from-configuration" };
        Assert.Equal("from-configuration", FunctionSettings.Resolve(function, options).Pipeline);
    }
}
