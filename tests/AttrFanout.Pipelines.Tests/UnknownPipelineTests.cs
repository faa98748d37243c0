using AttrFanout.Pipelines.Tests.Functions;
using AttrFanout.Pipelines.Tests.Infrastructure;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AttrFanout.Pipelines.Tests;

/// <summary>A pipeline name that no registration satisfies stops the app from starting, naming the function and the pipeline.</summary>
public sealed class UnknownPipelineTests
{
    [Fact]
    public async Task An_attribute_naming_an_unregistered_pipeline_fails_start_with_the_function_and_the_name()
    {
        await using var app = PipelineApp.Create(pipelines: s => s.AddExports().AddLookups());

        var error = Assert.Throws<AttrFanoutConfigurationException>(() => app.Sender);

        Assert.Contains("'charge-card'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'payments'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[OnEvent(Pipeline = ...)]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_name_that_is_not_registered_fails_start_and_says_where_it_was_set()
    {
        await using var app = PipelineApp.Create(configuration: new() { ["AttrFanout:Functions:fetch-quote:Pipeline"] = "quotes-v2" });

        var error = Assert.Throws<AttrFanoutConfigurationException>(() => app.Sender);

        Assert.Contains("'fetch-quote'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'quotes-v2'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AttrFanout:Functions:fetch-quote:Pipeline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_whose_app_registers_no_pipelines_does_not_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(new Infrastructure.StepClock());
        builder.Services.AddAttrFanout();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<AttrFanoutConfigurationException>(() => host.StartAsync().Safe());

        Assert.Contains("registers no resilience pipelines", error.Message, StringComparison.Ordinal);
        Assert.Contains("'charge-card'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" quotes")]
    public async Task A_configured_name_no_pipeline_could_have_fails_validation(string name)
    {
        await using var app = PipelineApp.Create(configuration: new() { ["AttrFanout:Functions:fetch-quote:Pipeline"] = name });

        var error = Assert.Throws<OptionsValidationException>(() => app.Get<IOptions<AttrFanoutOptions>>().Value);

        Assert.Contains("Functions['fetch-quote'].Pipeline", error.Message, StringComparison.Ordinal);
    }
}
