namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs the runtime once per test run, with a version no earlier run used, so the machine-wide NuGet cache
/// can never serve a stale package.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private const string KeepVariable = "ATTRFANOUT_E2E_KEEP";

    internal Workspace Workspace { get; } = new();

    public string Version { get; } = $"0.0.0-e2e.{DateTime.UtcNow.Ticks}";

    public string PackagePath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var pack = await DotNet.PackAsync(Repository.RuntimeProject, Version, Workspace.PackageSource, Workspace.Artifacts);
        var packages = Directory.GetFiles(Workspace.PackageSource, "*.nupkg");
        if (!pack.Succeeded || packages.Length != 1)
        {
            throw new InvalidOperationException($"Expected one package in {Workspace.PackageSource}, found {packages.Length}.{Environment.NewLine}{pack}");
        }

        PackagePath = packages[0];
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) is not { Length: > 0 })
        {
            Workspace.Delete();
            DeleteFromGlobalPackages();
        }

        return Task.CompletedTask;
    }

    private void DeleteFromGlobalPackages()
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var extracted = Path.Combine(globalPackages, "attrfanout", Version.ToLowerInvariant());
        if (Directory.Exists(extracted))
        {
            Directory.Delete(extracted, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed AttrFanout";
}
