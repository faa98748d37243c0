namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A temp folder outside the repository: the packed package, a nuget.config that serves it, and empty
/// Directory.* files so MSBuild imports nothing from the folders above.
/// </summary>
internal sealed class Workspace
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), $"attrfanout-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(PackageSource);
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Root, name), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig(PackageSource));
    }

    public string Root { get; }

    public string PackageSource => Path.Combine(Root, "packages");

    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>A new folder for one test's projects.</summary>
    public string NewScenario(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string NuGetConfig(string packageSource) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="attrfanout-e2e" value="{packageSource}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="attrfanout-e2e">
              <package pattern="AttrFanout" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;
}
