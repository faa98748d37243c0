using System.Reflection;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>Every diagnostic has one descriptor, a help page, a README row and a release-tracking entry.</summary>
public sealed class DescriptorTableTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in All())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Ids_are_unique_and_consecutive_from_AF0001()
    {
        var ids = All().Select(static d => d.Id).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Enumerable.Range(1, ids.Length).Select(static i => $"AF{i:0000}"), ids);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Has_a_help_page_a_README_row_and_a_release_entry(string id)
    {
        var root = RepositoryRoot();
        var descriptor = All().Single(d => d.Id == id);

        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");
        Assert.Contains($"| [{id}](docs/diagnostics/{id}.md) |", File.ReadAllText(Path.Combine(root, "README.md")), StringComparison.Ordinal);
        Assert.Contains(
            $"{id} | {Descriptors.Category} | {descriptor.DefaultSeverity} |",
            File.ReadAllText(Path.Combine(root, "generators", "AttrFanout.Generators", "AnalyzerReleases.Unshipped.md")),
            StringComparison.Ordinal);
    }

    private static IEnumerable<DiagnosticDescriptor> All() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(static f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AttrFanout.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AttrFanout.sln not found above " + AppContext.BaseDirectory);
    }
}
