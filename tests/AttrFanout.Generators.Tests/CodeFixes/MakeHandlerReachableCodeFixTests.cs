using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

/// <summary>AF0008: the fix makes a hidden handler method public, or its hidden containing type internal.</summary>
public sealed class MakeHandlerReachableCodeFixTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);

        """;

    [Fact]
    public Task Makes_a_private_or_protected_method_public() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, MakeHandlerReachableCodeFix>(
            Prelude + """
            public class Handlers
            {
                [OnEvent("user/signup", Id = "a")] private static void {|AF0008:Track|}(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "b")] static protected void {|AF0008:Audit|}(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "c")] private protected static void {|AF0008:Count|}(UserSignedUp signup) { }
            }
            """,
            Prelude + """
            public class Handlers
            {
                [OnEvent("user/signup", Id = "a")] public static void Track(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "b")] static public void Audit(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "c")] public static void Count(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Makes_a_private_nested_or_file_local_class_internal() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, MakeHandlerReachableCodeFix>(
            Prelude + """
            public static class Outer
            {
                private static class Handlers
                {
                    [OnEvent("user/signup", Id = "a")] public static void {|AF0008:Track|}(UserSignedUp signup) { }
                }
            }
            file sealed class Local
            {
                [OnEvent("user/signup", Id = "b")] public static void {|AF0008:Audit|}(UserSignedUp signup) { }
            }
            """,
            Prelude + """
            public static class Outer
            {
                internal static class Handlers
                {
                    [OnEvent("user/signup", Id = "a")] public static void Track(UserSignedUp signup) { }
                }
            }
            internal sealed class Local
            {
                [OnEvent("user/signup", Id = "b")] public static void Audit(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Is_not_offered_for_a_generic_method() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, MakeHandlerReachableCodeFix>(
            Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|AF0008:Track|}<T>(UserSignedUp signup) { }
            }
            """,
            Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|AF0008:Track|}<T>(UserSignedUp signup) { }
            }
            """);
}
