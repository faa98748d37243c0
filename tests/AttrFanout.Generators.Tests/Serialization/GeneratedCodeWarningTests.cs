using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.Serialization;

/// <summary>The generated JSON metadata compiles without a single warning under nullable, as a consumer with warnings as errors needs.</summary>
public sealed class GeneratedCodeWarningTests
{
    [Fact]
    public void Payloads_with_nullable_collections_and_every_member_kind_generate_code_without_warnings()
    {
        var input = TestCompilation.Create("Strict", PayloadScenarios.MemberKinds, """
            #nullable enable
            using System.Collections.Generic;
            using AttrFanout;

            namespace Strict
            {
                public sealed class Labels
                {
                    public Dictionary<string, string?> ByKey { get; set; } = new();
                    public List<string?>? Maybe { get; set; }
                    public IReadOnlyDictionary<string, List<string?>?> Nested { get; set; } = new Dictionary<string, List<string?>?>();
                }

                [Event("strict/labelled")]
                public sealed partial record Labelled(string?[] Names, Dictionary<string, string?> Tags, Labels Labels, KeyValuePair<string, string?> Pair)
                {
                    public HashSet<string?> Seen { get; init; } = new();
                    public required List<int?> Counts { get; init; }
                }
            }
            """);

        var (output, _) = TestCompilation.RunGenerator(input);

        var generated = output.GetDiagnostics()
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .ToArray();
        Assert.True(generated.Length == 0, string.Join(Environment.NewLine, generated.Select(static d => d.ToString())));
        Assert.Empty(output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
