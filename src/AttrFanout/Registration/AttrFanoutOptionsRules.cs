using Microsoft.Extensions.Options;

namespace AttrFanout;

/// <summary>Checks what the generated range validators cannot: relations between options and the per-function overrides.</summary>
internal sealed class AttrFanoutOptionsRules(FunctionCatalog catalog) : IValidateOptions<AttrFanoutOptions>
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinFlowControlLease = TimeSpan.FromSeconds(3);
    private readonly FunctionOptionsValidator _functionValidator = new();

    public ValidateOptionsResult Validate(string? name, AttrFanoutOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        CheckRange(builder, nameof(options.BaseRetryDelay), options.BaseRetryDelay, TimeSpan.Zero, OneDay);
        CheckRange(builder, nameof(options.MaxRetryDelay), options.MaxRetryDelay, TimeSpan.Zero, OneDay);
        CheckRange(builder, nameof(options.DefaultTimeout), options.DefaultTimeout, MinTimeout, OneDay);
        CheckRange(builder, nameof(options.IdempotencyWindow), options.IdempotencyWindow, TimeSpan.Zero, TimeSpan.FromDays(365));
        CheckRange(builder, nameof(options.ShutdownTimeout), options.ShutdownTimeout, TimeSpan.Zero, OneDay);
        CheckRange(builder, nameof(options.FlowControlLease), options.FlowControlLease, MinFlowControlLease, OneDay);
        if (options.MaxRetryDelay < options.BaseRetryDelay)
        {
            builder.AddError($"MaxRetryDelay ({options.MaxRetryDelay}) is shorter than BaseRetryDelay ({options.BaseRetryDelay}). Raise MaxRetryDelay or lower BaseRetryDelay.");
        }

        foreach (var function in catalog.Functions)
        {
            var overridden = options.Functions.TryGetValue(function.Id, out var overrides) && overrides.Timeout is not null;
            if (!overridden && function.Timeout is { } timeout && (timeout < MinTimeout || timeout > OneDay))
            {
                builder.AddError($"Function '{function.Id}' ({function.Handler}) has an attempt timeout of {timeout}; it must be between {MinTimeout} and {OneDay}. Change TimeoutSeconds in its [OnEvent] attribute or set Functions['{function.Id}'].Timeout.");
            }
        }

        foreach (var (id, function) in options.Functions)
        {
            if (!catalog.TryGetFunction(id, out _))
            {
                var nearest = FanoutNames.FindNearest(id, catalog.Functions.Select(static f => f.Id));
                var hint = nearest is null ? "Check the Id in the [OnEvent] attribute." : $"Did you mean '{nearest}'?";
                builder.AddError($"Functions['{id}'] configures a function that does not exist. {hint}");
                continue;
            }

            CheckRange(builder, $"Functions['{id}'].Timeout", function.Timeout, MinTimeout, OneDay);
            if (PipelineNames.Problem(function.Pipeline) is { } pipelineProblem)
            {
                builder.AddError($"Functions['{id}'].Pipeline '{function.Pipeline}' cannot name a resilience pipeline: {pipelineProblem}; use {PipelineNames.Rule}.");
            }

            var result = _functionValidator.Validate(id, function);
            if (result.Failed)
            {
                foreach (var failure in result.Failures)
                {
                    builder.AddError($"Functions['{id}']: {failure}");
                }
            }
        }

        return builder.Build();
    }

    private static void CheckRange(ValidateOptionsResultBuilder builder, string name, TimeSpan? value, TimeSpan min, TimeSpan max)
    {
        if (value is { } actual && (actual < min || actual > max))
        {
            builder.AddError($"{name} is {actual}; it must be between {min} and {max}.");
        }
    }
}
