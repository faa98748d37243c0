using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Tests.Infrastructure;

/// <summary>Builds compilations and runs the generator over them.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? extraReferences = null) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(static (s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            TestReferences.All.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Create(string assemblyName, params string[] sources) => Create(assemblyName, sources, null);

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new FanoutGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator and returns the output compilation, failing on any generator diagnostic or exception.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) RunGenerator(Compilation input)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        Assert.Empty(diagnostics);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (output, result);
    }

    /// <summary>Emits <paramref name="compilation"/> to a metadata reference, as a referenced project would be seen, failing on errors.</summary>
    public static MetadataReference ToReference(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    public static void AssertNoErrors(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(static e => e.ToString())));
    }
}
