using AttrFanout.Generators;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Benchmarks.Generator;

/// <summary>
/// Build-time cost: the generator over an app with 1,000 functions on 100 events, beside the compiler binding
/// the same source (the baseline), both on a fresh clone of the compilation so no bound state is reused.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Events = 100;
    private const int Functions = 1_000;
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _compilation = CSharpCompilation.Create(
            "Large",
            LargeAppSource.Create(Events, Functions).Select(s => CSharpSyntaxTree.ParseText(s, parseOptions)),
            [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(OnEventAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var module = Generate().GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        var registered = module.Split("builder.AddFunction(").Length - 1;
        if (registered != Functions)
        {
            throw new InvalidOperationException($"The generator registered {registered} functions; expected {Functions}.");
        }
    }

    /// <summary>The compiler binding every method body of the same source, without the generator.</summary>
    [Benchmark(Baseline = true)]
    public int Bind_source() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>The generator producing the dispatch table, payload plumbing and registration.</summary>
    [Benchmark]
    public GeneratorDriver Generate_1000_functions_over_100_events() => Generate();

    private GeneratorDriver Generate() =>
        CSharpGeneratorDriver.Create([new FanoutGenerator().AsSourceGenerator()], parseOptions: (CSharpParseOptions)_compilation.SyntaxTrees[0].Options)
            .RunGenerators(_compilation.Clone());
}
