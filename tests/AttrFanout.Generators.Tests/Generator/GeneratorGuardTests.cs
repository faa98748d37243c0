using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Tests.Generator;

/// <summary>AF0012: an exception inside the generator becomes a diagnostic naming the symbol, never CS8785.</summary>
public sealed class GeneratorGuardTests
{
    [Fact]
    public void A_parse_exception_becomes_a_failure_at_the_symbol()
    {
        var tree = CSharpSyntaxTree.ParseText("class Handlers { void Send() { } }", path: "Handlers.cs");
        var location = Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(22, 4));

        var parsed = GeneratorGuard.Run<string>(() => throw new InvalidOperationException("boom"), () => ("Handlers.Send", location));

        Assert.Null(parsed.Model);
        var diagnostic = parsed.Failure!.ToDiagnostic();
        Assert.Equal(DiagnosticIds.GeneratorFailed, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(location.GetLineSpan(), diagnostic.Location.GetLineSpan());
        Assert.Contains("'Handlers.Send'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: boom", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_without_exception_keeps_its_model()
    {
        var parsed = GeneratorGuard.Run(() => "model", () => throw new InvalidOperationException("not asked"));

        Assert.Equal(new Parsed<string>("model", null), parsed);
    }

    [Fact]
    public void Cancellation_is_not_a_failure()
    {
        Assert.Throws<OperationCanceledException>(() => GeneratorGuard.Run<string>(() => throw new OperationCanceledException(), () => ("X", null)));
        Assert.Throws<OperationCanceledException>(() => GeneratorGuard.Emit(_ => { }, "X", () => throw new OperationCanceledException()));
    }

    [Fact]
    public void An_emit_exception_is_reported_naming_the_subject()
    {
        var reported = new List<Diagnostic>();

        GeneratorGuard.Emit(reported.Add, "global::Shop.OrderPlaced", () => throw new ArgumentException("hint name"));

        var diagnostic = Assert.Single(reported);
        Assert.Equal(DiagnosticIds.GeneratorFailed, diagnostic.Id);
        Assert.Contains("'global::Shop.OrderPlaced'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_holds_no_roslyn_object_and_compares_by_value()
    {
        var tree = CSharpSyntaxTree.ParseText("class A { }", path: "A.cs");
        var first = GeneratorFailure.From("A", new InvalidOperationException("x"), Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(6, 1)));
        var second = GeneratorFailure.From("A", new InvalidOperationException("x"), Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(6, 1)));

        Assert.Equal(first, second);
    }
}
