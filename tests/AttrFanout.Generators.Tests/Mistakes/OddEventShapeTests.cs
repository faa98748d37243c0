namespace AttrFanout.Generators.Tests.Mistakes;

/// <summary>[Event] on type shapes C# allows but that cannot carry a payload: one AF diagnostic on the type, nothing in generated code.</summary>
public sealed class OddEventShapeTests
{
    [Fact]
    public Task A_static_class() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("odd/static")] public static partial class Settings { } // expect: AF0009
            """);

    [Fact]
    public Task A_ref_struct() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("odd/ref")] public ref partial struct Buffer { public int Length; } // expect: AF0009
            """);

    [Fact]
    public Task An_abstract_class() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("odd/abstract")] public abstract partial class Shape { public int Sides { get; set; } } // expect: AF0011
            """);

    [Fact]
    public Task A_readonly_record_struct_and_a_sealed_class_build_clean() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("odd/point")] public readonly partial record struct Point(int X, int Y);
            [Event("odd/note")] public sealed partial class Note { public string Text { get; set; } = ""; }
            public static class Handlers
            {
                [OnEvent("odd/point")] public static void Move(Point point) { }
                [OnEvent("odd/note")] public static void Read(Note note) { }
            }
            """);
}
