using AttrFanout.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AttrFanout.Generators.Tests.Infrastructure;

/// <summary>Runs every AttrFanout analyzer (and a code fix) over test code, offline, against <see cref="TestReferences.All"/>.</summary>
internal static class FanoutVerifier
{
    /// <summary>No reference package is resolved (nothing is downloaded); the references come from <see cref="TestReferences"/>.</summary>
    private static readonly ReferenceAssemblies Offline = new("net10.0");

    public static Task AnalyzeAsync(string source, params MetadataReference[] references) =>
        AnalyzeAsync(source, [], references);

    public static Task AnalyzeAsync(string source, DiagnosticResult[] expected, params MetadataReference[] references) =>
        AnalyzeWithOnlyAsync(source, expected, [.. TestReferences.All, .. references]);

    /// <summary>Analyzes <paramref name="source"/> against exactly <paramref name="references"/>, e.g. a stand-in for the runtime.</summary>
    public static Task AnalyzeWithOnlyAsync(string source, DiagnosticResult[] expected, IEnumerable<MetadataReference> references)
    {
        var test = new AllAnalyzersTest
        {
            TestCode = source,
            ReferenceAssemblies = Offline,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task FixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = Offline,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }

    /// <summary>The diagnostic <paramref name="descriptor"/> at markup location <c>{|#n:…|}</c>, to check its message arguments.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, int location) =>
        new DiagnosticResult(descriptor).WithLocation(location);

    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<CatalogAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new CatalogAnalyzer(), new HandlerAnalyzer(), new EventTypeAnalyzer(), new FlowControlAnalyzer(), new ScheduleAnalyzer(), new TriggerAnalyzer()];
    }
}
