using AttrFanout.Pipelines.Tests.Functions;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace AttrFanout.Pipelines.Tests.Infrastructure;

/// <summary>The app's own resilience pipelines, registered as an app registers them with Polly.Extensions.</summary>
public static class AppPipelineRegistrations
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan ExportWindow = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LookupRetryDelay = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddPayments(this IServiceCollection services) =>
        services.AddResiliencePipeline(PipelineNamesUsed.Payments, builder => builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = BreakDuration,
            ShouldHandle = new PredicateBuilder().Handle<GatewayDownException>(),
        }));

    public static IServiceCollection AddExports(this IServiceCollection services) =>
        services.AddResiliencePipeline(PipelineNamesUsed.Exports, (builder, context) =>
            builder.AddRateLimiter(new WindowLimiter(context.ServiceProvider.GetRequiredService<TimeProvider>(), ExportWindow)));

    public static IServiceCollection AddLookups(this IServiceCollection services) =>
        services.AddResiliencePipeline(PipelineNamesUsed.Lookups, builder => builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            Delay = LookupRetryDelay,
            BackoffType = DelayBackoffType.Constant,
            ShouldHandle = new PredicateBuilder().Handle<LookupFailedException>(),
        }));

    public static IServiceCollection AddQuotes(this IServiceCollection services) =>
        services
            .AddSingleton<CircuitBreakerManualControl>()
            .AddResiliencePipeline(PipelineNamesUsed.Quotes, (builder, context) => builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ManualControl = context.ServiceProvider.GetRequiredService<CircuitBreakerManualControl>(),
            }));

    /// <summary>Every pipeline an <c>[OnEvent(Pipeline = ...)]</c> of this assembly names.</summary>
    public static IServiceCollection AddAttributePipelines(this IServiceCollection services) =>
        services.AddPayments().AddExports().AddLookups();
}
