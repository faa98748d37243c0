using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.Infrastructure;

/// <summary>The metadata a test compilation sees: the .NET 10 reference assemblies, the AttrFanout runtime, DI abstractions and the health-check builder the runtime extends.</summary>
internal static class TestReferences
{
    public static readonly ImmutableArray<MetadataReference> All =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(OnEventAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck).Assembly.Location),
    ];
}
