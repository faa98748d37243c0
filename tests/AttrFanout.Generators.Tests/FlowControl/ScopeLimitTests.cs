using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>AF0028: one concurrency scope given two limits, in this project and across the metadata of a referenced one.</summary>
public sealed class ScopeLimitTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("ai/summarize")] public sealed partial record Summarize(string AccountId);

        """;

    private static readonly Lazy<MetadataReference> Library = new(() =>
    {
        var input = TestCompilation.Create("Ai.Library", """
            using AttrFanout;
            namespace Ai.Library;
            [Event("ai/translate")] public sealed partial record Translate(string Text);
            public static class Translations
            {
                [OnEvent("ai/translate", Id = "translate")]
                [Concurrency(50, Scope = "openai")]
                [Concurrency(2, Scope = "deepl")]
                public static void Run(Translate request) { }
            }
            """);
        return TestCompilation.ToReference(TestCompilation.RunGenerator(input).Output);
    });

    [Fact]
    public Task Fires_on_every_function_giving_a_scope_another_limit() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(50, Scope = {|#0:"openai"|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Concurrency(20, Scope = {|#1:"openai"|})] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [Concurrency(50, Scope = {|#2:"openai"|})] public static void C(Summarize s) { }
                [OnEvent("ai/summarize", Id = "d")] [Concurrency(20, Scope = "other")] public static void D(Summarize s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.ScopeLimitConflict, 0).WithArguments("openai", 50, "H.A", "it is given 20 by 'H.B'"),
                FanoutVerifier.Diagnostic(Descriptors.ScopeLimitConflict, 1).WithArguments("openai", 20, "H.B", "it is given 50 by 'H.A', 50 by 'H.C'"),
                FanoutVerifier.Diagnostic(Descriptors.ScopeLimitConflict, 2).WithArguments("openai", 50, "H.C", "it is given 20 by 'H.B'"),
            ]);

    [Fact]
    public Task Stays_silent_when_every_function_gives_a_scope_the_same_limit() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(50, Scope = "openai")] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Concurrency(50, Scope = "openai")] [Concurrency(3, Key = nameof(Summarize.AccountId))] public static void B(Summarize s) { }
            }
            """);

    [Fact]
    public Task Fires_against_the_limit_a_referenced_project_gives_the_scope() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(20, Scope = {|#0:"openai"|})] [Concurrency(2, Scope = "deepl")] public static void A(Summarize s) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.ScopeLimitConflict, 0).WithArguments("openai", 20, "H.A", "it is given 50 by 'Ai.Library.Translations.Run' in 'Ai.Library'")],
            Library.Value);

    [Fact]
    public Task Stays_silent_when_a_referenced_project_gives_the_scope_the_same_limit() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(50, Scope = "openai")] public static void A(Summarize s) { }
            }
            """,
            Library.Value);
}
