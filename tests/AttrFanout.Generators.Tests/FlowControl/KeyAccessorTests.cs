using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>The accessor the generator writes for each kind of key type, checked as text and by compiling it.</summary>
public sealed class KeyAccessorTests
{
    private const string Payload = """
        using System;
        using AttrFanout;

        public struct Inner { public int X; }
        public struct Point { public int X; public Inner? Next { get; set; } }
        public sealed record Owner(string Name);

        [Event("keys/used")]
        public sealed partial record Used(
            char Letter, DateTime At, DateOnly Day, TimeSpan Took, Owner Owner, bool? Flag, Point? Point, Point Origin, long Big, double Ratio)
        {
            public string? @class { get; init; }
        }

        """;

    public static TheoryData<string, string> Keys() => new()
    {
        { "Letter", "((global::Used)p).Letter.ToString()" },
        { "At", "((global::Used)p).At.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "Day", "((global::Used)p).Day.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "Took", "((global::Used)p).Took.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "Owner", "((global::Used)p).Owner?.ToString()" },
        { "Owner.Name", "((global::Used)p).Owner?.Name" },
        { "Flag", "((global::Used)p).Flag switch { true => \"true\", false => \"false\", null => null }" },
        { "Point.X", "((global::Used)p).Point?.X.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "Origin.Next.X", "((global::Used)p).Origin.Next?.X.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "Big", "((global::Used)p).Big.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "Ratio", "((global::Used)p).Ratio.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "class", "((global::Used)p).@class" },
        { "Count", "global::H.Count((global::Used)p)?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" },
        { "Urgent", "global::H.Urgent((global::Used)p) switch { true => \"true\", false => \"false\" }" },
        { "Pick", "global::H.Pick((global::Used)p)" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Writes_a_direct_culture_invariant_accessor_that_compiles(string key, string accessor)
    {
        var input = TestCompilation.Create("Keys", Payload + $$"""
            public static class H
            {
                [OnEvent("keys/used")] [Concurrency(1, Key = {{Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(key, quote: true)}})] public static void Run(Used used) { }

                public static int? Count(Used used) => used.Letter == 'a' ? 1 : null;
                public static bool Urgent(Used used) => used.Flag == true;
                public static bool Pick(object payload) => true;
                public static string Pick(Used used) => used.Letter.ToString();
            }
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains($"static p => {accessor}),", module, StringComparison.Ordinal);
    }
}
