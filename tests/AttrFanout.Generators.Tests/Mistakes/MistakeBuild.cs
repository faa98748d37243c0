using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Tests.Mistakes;

/// <summary>
/// Builds user code as a project would: the generator, then the compiler and every AttrFanout analyzer over the result.
/// A line of the source that ends in <c>// expect: AF0005</c> (or several IDs, comma separated) must get exactly
/// those diagnostics; any other warning or error, any diagnostic located in generated code, and any generator or
/// analyzer crash (CS8785, AD0001) fails the build.
/// </summary>
internal static partial class MistakeBuild
{
    /// <summary>As a project that generates its documentation file parses code: doc comments are checked too (CS1591 on the test code aside).</summary>
    private static readonly CSharpParseOptions ParseOptions = TestCompilation.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        new CatalogAnalyzer(),
        new HandlerAnalyzer(),
        new FlowControlAnalyzer(),
        new EventTypeAnalyzer(),
        new PayloadSerializationAnalyzer(),
        new HandlerTargetAnalyzer(),
        new SendAnalyzer(),
    ];

    /// <summary>Builds <paramref name="source"/> and asserts the expected diagnostics, and nothing else, at the user's lines.</summary>
    public static Task AssertAsync(string source, params MetadataReference[] references) => AssertAsync("App", source, references);

    /// <summary>As <see cref="AssertAsync(string, MetadataReference[])"/>, for an assembly named <paramref name="assemblyName"/>.</summary>
    public static async Task AssertAsync(string assemblyName, string source, params MetadataReference[] references)
    {
        var actual = await BuildAsync(assemblyName, source, references);
        var expected = Format(Expected(source));
        var found = Format(actual.Select(static d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1)));
        Assert.True(expected == found, $"Expected:\n{expected}\nFound:\n{found}\n\n{string.Join("\n", actual)}");
    }

    /// <summary>The warnings and errors of building <paramref name="source"/>, after checking none is in generated code or a crash.</summary>
    public static async Task<ImmutableArray<Diagnostic>> BuildAsync(string assemblyName, string source, params MetadataReference[] references)
    {
        var input = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source0.cs")],
            TestReferences.All.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions([new("CS1591", ReportDiagnostic.Suppress)]));
        var driver = CSharpGeneratorDriver.Create([new FanoutGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        Assert.All(driver.GetRunResult().Results, static r => Assert.Null(r.Exception));

        var analyzed = await output
            .WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(AnalyzerOptions(), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync();
        var all = generatorDiagnostics.AddRange(analyzed)
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(static d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(static d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        var userTree = input.SyntaxTrees.Single();
        Assert.All(all, d => Assert.False(
            d.Id is "CS8785" or "AD0001" || (d.Location.IsInSource && d.Location.SourceTree != userTree),
            $"Crash or diagnostic in generated code: {d}"));
        return all;
    }

    private static AnalyzerOptions AnalyzerOptions() => new([]);

    private static IEnumerable<(string Id, int Line)> Expected(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ExpectComment().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            foreach (var id in match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (id, i + 1);
            }
        }
    }

    private static string Format(IEnumerable<(string Id, int Line)> diagnostics) =>
        string.Join("\n", diagnostics.Select(static d => $"line {d.Line}: {d.Id}").Order(StringComparer.Ordinal));

    [GeneratedRegex(@"//\s*expect:\s*([A-Z0-9, ]+)\s*$")]
    private static partial Regex ExpectComment();
}
