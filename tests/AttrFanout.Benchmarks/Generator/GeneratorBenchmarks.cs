using AttrFanout.Generators;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Benchmarks.Generator;

/// <summary>
/// Build-time cost: the generator over an app of 1,000 functions on 100 events and of 10,000 on 1,000, beside the compiler
/// binding the same source (the baseline), beside the attribute lookups alone (the floor any attribute-driven generator
/// pays) and beside the lookups plus the binding of the handlers' signatures and the payloads' members (the floor of any
/// generator that reads what this one must read), each on a fresh clone of the compilation so no bound state is reused.
/// The generator's own code runs a few times per operation, so it takes some eight operations to reach steady state: ten
/// warmups and ten iterations whatever the job, which the short job's three of each do not give.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(10)]
[IterationCount(10)]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [ParamsSource(nameof(Sizes))]
    public AppSize Size { get; set; } = null!;

    public static IEnumerable<AppSize> Sizes => [new(100, 1_000), new(1_000, 10_000)];

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _compilation = CSharpCompilation.Create(
            "Large",
            LargeAppSource.Create(Size.Events, Size.Functions).Select(s => CSharpSyntaxTree.ParseText(s, parseOptions)),
            [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(OnEventAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var module = Generate().GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        var registered = module.Split("builder.AddFunction(").Length - 1;
        if (registered != Size.Functions)
        {
            throw new InvalidOperationException($"The generator registered {registered} functions; expected {Size.Functions}.");
        }
    }

    /// <summary>The compiler binding every declaration and method body of the same source, without the generator.</summary>
    [Benchmark(Baseline = true)]
    public int Bind_source() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>The generator producing the dispatch table, payload plumbing, JSON metadata and registration.</summary>
    [Benchmark]
    public GeneratorDriver Generate() => Run(new FanoutGenerator());

    /// <summary>The generator's two attribute lookups alone, with nothing read from the symbols and nothing emitted.</summary>
    [Benchmark]
    public GeneratorDriver Find_attributes_only() => Run(new AttributeLookupGenerator());

    /// <summary>The two lookups plus the binding the generator cannot skip: each handler's signature and each payload's members, with nothing emitted.</summary>
    [Benchmark]
    public GeneratorDriver Find_and_bind_handlers() => Run(new HandlerBindingGenerator());

    private GeneratorDriver Run(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: (CSharpParseOptions)_compilation.SyntaxTrees[0].Options)
            .RunGenerators(_compilation.Clone());
}
