using System.Xml.Linq;

namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>The repository this test assembly was built from, found by walking up to <c>AttrFanout.sln</c>.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot(AppContext.BaseDirectory);

    public static string RuntimeProject => Path.Combine(Root, "src", "AttrFanout", "AttrFanout.csproj");

    /// <summary>The version <c>Directory.Packages.props</c> pins for a package, so the test apps stay in step with the runtime.</summary>
    public static string CentralVersionOf(string packageId)
    {
        var props = XDocument.Load(Path.Combine(Root, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion")
            .FirstOrDefault(e => string.Equals((string?)e.Attribute("Include"), packageId, StringComparison.OrdinalIgnoreCase))
            ?.Attribute("Version")?.Value;
        return version ?? throw new InvalidOperationException($"Directory.Packages.props has no PackageVersion for {packageId}.");
    }

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AttrFanout.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AttrFanout.sln above {start}.");
    }
}
