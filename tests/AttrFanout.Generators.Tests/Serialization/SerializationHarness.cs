using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AttrFanout.Generators.Tests.Serialization;

/// <summary>Runs AttrFanout's generator together with System.Text.Json's (for <c>JsonContext</c> payloads) and loads the result.</summary>
internal static class SerializationHarness
{
    private static readonly Lazy<ISourceGenerator> SystemTextJsonGenerator = new(LoadSystemTextJsonGenerator);

    public static Compilation Generate(Compilation input)
    {
        var driver = CSharpGeneratorDriver.Create(
            [new FanoutGenerator().AsSourceGenerator(), SystemTextJsonGenerator.Value],
            parseOptions: TestCompilation.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        Assert.DoesNotContain(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        TestCompilation.AssertNoErrors(output);
        return output;
    }

    /// <summary>Emits <paramref name="compilation"/> and loads it into a collectible context; the runtime and BCL come from the test's own context.</summary>
    public static LoadedAssembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(stream));
    }

    private static ISourceGenerator LoadSystemTextJsonGenerator()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var version = Environment.Version;
        var path = Directory
            .GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"), $"{version.Major}.{version.Minor}.*")
            .Select(static d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Last();
        return new AnalyzerFileReference(path, new DefaultLoader()).GetGenerators(LanguageNames.CSharp).Single();
    }

    private sealed class DefaultLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}

/// <summary>A test assembly loaded into a collectible context; unloads it on dispose.</summary>
internal sealed class LoadedAssembly(AssemblyLoadContext context, Assembly assembly) : IDisposable
{
    /// <summary>Calls a public static method of the assembly's <c>Probe</c> class, rethrowing what it throws.</summary>
    public object? Probe(string method, params object[] arguments)
    {
        var target = assembly.GetType("Probe", throwOnError: true)!.GetMethod(method) ?? throw new MissingMethodException("Probe", method);
        try
        {
            return target.Invoke(null, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    public void Dispose() => context.Unload();
}
