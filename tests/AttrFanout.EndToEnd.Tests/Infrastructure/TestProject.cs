namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>Writes a small SDK-style project that consumes the packed AttrFanout package, as a user's project would.</summary>
internal static class TestProject
{
    private static readonly string[] ContainerPackages = ["Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging"];

    /// <summary>A console app: AttrFanout plus what a DI container needs, versions pinned as the runtime's are.</summary>
    public static string WriteApp(string scenario, string name, string packageVersion, string[] projectReferences, params SourceFile[] sources) =>
        Write(scenario, name, "Exe", [("AttrFanout", packageVersion), .. ContainerPackages.Select(static p => (p, Repository.CentralVersionOf(p)))], projectReferences, sources);

    /// <summary>A class library that references only AttrFanout.</summary>
    public static string WriteLibrary(string scenario, string name, string packageVersion, params SourceFile[] sources) =>
        Write(scenario, name, "Library", [("AttrFanout", packageVersion)], [], sources);

    private static string Write(string scenario, string name, string outputType, (string Id, string Version)[] packages, string[] projectReferences, SourceFile[] sources)
    {
        var directory = Path.Combine(scenario, name);
        Directory.CreateDirectory(directory);
        var packageItems = string.Join(Environment.NewLine, packages.Select(static p => $"""    <PackageReference Include="{p.Id}" Version="{p.Version}" />"""));
        var projectItems = string.Join(Environment.NewLine, projectReferences.Select(static r => $"""    <ProjectReference Include="../{r}/{r}.csproj" />"""));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
            {packageItems}
              </ItemGroup>
              <ItemGroup>
            {projectItems}
              </ItemGroup>
            </Project>
            """);
        foreach (var source in sources)
        {
            File.WriteAllText(Path.Combine(directory, source.Name), source.Text);
        }

        return directory;
    }
}
