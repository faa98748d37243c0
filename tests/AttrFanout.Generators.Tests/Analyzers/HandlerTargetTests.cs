using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0015: <c>[OnEvent]</c> where the generator never looks is reported, not ignored.</summary>
public sealed class HandlerTargetTests
{
    private const string Prelude = """
        using System;
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);

        """;

    [Fact]
    public Task Fires_for_a_local_function() => Verify(Prelude + """
        public static class Setup
        {
            public static void Run()
            {
                [{|#0:OnEvent("user/signup")|}] static void Track(UserSignedUp signup) { }
            }
        }
        """,
        new DiagnosticResult(Descriptors.OnEventOnNonMethod).WithLocation(0).WithArguments("the local function 'Track'"));

    [Fact]
    public Task Fires_for_a_lambda() => Verify(Prelude + """
        public static class Setup
        {
            public static Action<UserSignedUp> Track = [{|#0:OnEvent("user/signup")|}] (UserSignedUp signup) => { };
        }
        """,
        new DiagnosticResult(Descriptors.OnEventOnNonMethod).WithLocation(0).WithArguments("a lambda"));

    [Fact]
    public Task Fires_for_an_operator() => Verify(Prelude + """
        public sealed class Money
        {
            [{|#0:OnEvent("user/signup")|}] public static Money operator +(Money a, Money b) => a;
        }
        """,
        new DiagnosticResult(Descriptors.OnEventOnNonMethod).WithLocation(0).WithArguments("'Money.operator +(Money, Money)'"));

    [Fact]
    public Task Stays_silent_for_methods() => Verify(Prelude + """
        public static class Handlers
        {
            [OnEvent("user/signup")] public static void Track(UserSignedUp signup) { }
        }
        """);

    private static Task Verify(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<HandlerTargetAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
