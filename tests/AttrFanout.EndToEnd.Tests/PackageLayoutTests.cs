using System.IO.Compression;
using System.Xml.Linq;
using AttrFanout.EndToEnd.Tests.Infrastructure;

namespace AttrFanout.EndToEnd.Tests;

[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests(PackageFixture package)
{
    [Fact]
    public void Package_holds_the_runtime_the_analyzers_and_the_readme()
    {
        var entries = Entries();

        Assert.Contains("lib/net10.0/AttrFanout.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AttrFanout.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AttrFanout.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("AttrFanout.Generators", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, static e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("AttrFanout.CodeFixes", StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_has_the_run_version_the_readme_and_no_generator_dependency()
    {
        var metadata = Nuspec().Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
        var dependencies = metadata.Descendants().Where(static e => e.Name.LocalName == "dependency")
            .Select(static e => (string)e.Attribute("id")!).ToList();

        Assert.Equal(package.Version, Child(metadata, "version"));
        Assert.Equal("AttrFanout", Child(metadata, "id"));
        Assert.Equal("README.md", Child(metadata, "readme"));
        Assert.DoesNotContain(dependencies, static id => id.StartsWith("AttrFanout", StringComparison.OrdinalIgnoreCase));
    }

    private List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        return zip.Entries.Select(static e => e.FullName).ToList();
    }

    private XDocument Nuspec()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entry = zip.Entries.Single(static e => e.FullName == "AttrFanout.nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static string? Child(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
