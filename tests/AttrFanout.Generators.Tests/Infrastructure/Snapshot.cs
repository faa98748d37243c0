using System.Runtime.CompilerServices;
using AttrFanout.Generators.Emit;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated sources with baseline files under <c>Generator/Snapshots/&lt;scenario&gt;/</c>.
/// Set <c>ATTRFANOUT_UPDATE_SNAPSHOTS=1</c> to rewrite the baselines, then review the diff.
/// </summary>
internal static class Snapshot
{
    private const string VersionPlaceholder = "{GENERATOR_VERSION}";

    public static void Match(string scenario, GeneratorDriverRunResult result, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", scenario);
        var generated = result.Results
            .SelectMany(static r => r.GeneratedSources)
            .ToDictionary(static s => s.HintName + ".txt", static s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);

        if (Environment.GetEnvironmentVariable("ATTRFANOUT_UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }
        }

        Assert.True(Directory.Exists(directory), $"No baseline for '{scenario}'. Run the tests with ATTRFANOUT_UPDATE_SNAPSHOTS=1 and review the files written to {directory}.");
        var expected = Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, generated.Keys.Order(StringComparer.Ordinal).ToArray());
        foreach (var name in expected)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(directory, name!)).ReplaceLineEndings("\n"), generated[name!]);
        }
    }

    private static string Normalize(string text) => text.Replace(GeneratedCode.Version, VersionPlaceholder).ReplaceLineEndings("\n");
}
