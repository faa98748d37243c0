using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0008: whether generated code can call the handler.</summary>
public sealed class ReachabilityTests
{
    private const string Prelude = """
        using System.Threading.Tasks;
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);

        """;

    [Fact]
    public Task Fires_for_a_private_method() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] private static void {|#0:Track|}(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.HandlerNotReachable, 0).WithArguments("Handlers.Track", "it is private; make it public or internal")]);

    [Fact]
    public Task Fires_for_a_method_of_a_private_nested_type() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Outer
            {
                private static class Handlers
                {
                    [OnEvent("user/signup")] public static void {|AF0008:Track|}(UserSignedUp signup) { }
                }
            }
            """);

    [Fact]
    public Task Fires_for_generic_methods_and_types() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void {|AF0008:Track|}<T>(UserSignedUp signup) { }
            }
            public class Generic<T>
            {
                [OnEvent("user/signup")] public static void {|AF0008:Audit|}(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Fires_for_instance_methods_that_cannot_be_created() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public abstract class Base
            {
                [OnEvent("user/signup")] public void {|AF0008:Track|}(UserSignedUp signup) { }
            }
            public struct Value
            {
                [OnEvent("user/signup")] public void {|AF0008:Audit|}(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Stays_silent_for_internal_and_protected_internal_handlers_in_nested_types() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Outer
            {
                internal class Handlers
                {
                    [OnEvent("user/signup")] internal void Track(UserSignedUp signup) { }
                    [OnEvent("user/signup")] protected internal static Task Audit(UserSignedUp signup) => Task.CompletedTask;
                }
            }
            public abstract class Base
            {
                [OnEvent("user/signup")] public static void Count(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Fires_for_a_method_of_a_file_local_type() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            file static class Handlers
            {
                [OnEvent("user/signup")] public static void {|#0:Track|}(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.HandlerNotReachable, 0).WithArguments(
                "Handlers.Track", "its type 'Handlers' is file-local ('file'), and generated code lives in another file; make it internal instead")]);

    [Fact]
    public Task Does_not_advise_public_for_an_explicit_interface_implementation() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public interface ITrack { void Track(UserSignedUp signup); }
            public sealed class Handlers : ITrack
            {
                [OnEvent("user/signup")] void ITrack.{|#0:Track|}(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.HandlerNotReachable, 0).WithArguments(
                "Handlers.ITrack.Track",
                "it is an explicit implementation of 'ITrack.Track(UserSignedUp)', which cannot be called by its name; put [OnEvent] on a public or internal method that calls it")]);
}
