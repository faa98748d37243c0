using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Generator;

public sealed class SmokeTests
{
    [Fact]
    public void Generated_code_compiles_for_a_static_handler()
    {
        var input = TestCompilation.Create("App", """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers { [OnEvent("user/signup")] public static void Track(UserSignedUp signup) { } }
            """);
        var (output, result) = TestCompilation.RunGenerator(input);
        TestCompilation.AssertNoErrors(output);
        Assert.Equal(3, result.GeneratedTrees.Length);
    }
}
