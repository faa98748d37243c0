using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0014 (and AF0009 for file-local types): generated code must be able to name an <c>[Event]</c> type.</summary>
public sealed class EventReachabilityTests
{
    [Fact]
    public Task Fires_for_a_private_nested_type() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            public partial class Outer
            {
                [Event("secret/kept")] private sealed partial record {|#0:Secret|}(string Value);
                [Event("secret/shared")] protected sealed partial record {|AF0014:Shared|}(string Value);
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EventTypeNotReachable, 0).WithArguments("Outer.Secret", "it is private; make it public or internal")]);

    [Fact]
    public Task Fires_for_a_type_in_a_private_containing_type() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            public partial class Outer
            {
                private partial class Inner
                {
                    [Event("secret/kept")] public sealed partial record {|#0:Secret|}(string Value);
                }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EventTypeNotReachable, 0).WithArguments(
                "Outer.Inner.Secret", "its containing type 'Outer.Inner' is private; make it public or internal")]);

    [Fact]
    public Task A_file_local_type_is_AF0009_not_AF0014() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event("secret/kept")] file sealed partial record {|#0:Secret|}(string Value);
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EventTypeNotPartial, 0).WithArguments(
                "Secret", "it is file-local ('file'), so its generated part, in another file, would be another type; make it internal instead")]);

    [Fact]
    public Task Stays_silent_for_internal_and_protected_internal_types() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            public partial class Outer
            {
                [Event("secret/kept")] internal sealed partial record Secret(string Value);
                [Event("secret/shared")] protected internal sealed partial record Shared(string Value);
            }
            """);
}
