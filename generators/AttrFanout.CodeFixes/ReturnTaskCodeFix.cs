using System.Collections.Immutable;
using System.Composition;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.CodeFixes;

/// <summary>AF0004: turns an <c>async void</c> handler into <c>async Task</c>, so its failures can be observed and retried.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskCodeFix))]
[Shared]
public sealed class ReturnTaskCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.ReturnTask";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.InvalidHandlerSignature];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HandlerAnalyzer.SuggestionProperty, out var suggestion) ||
                suggestion != HandlerAnalyzer.AsyncVoidSuggestion ||
                root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create($"Make '{method.Identifier.ValueText}' return Task", ct => FixAsync(document, method, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var task = semanticModel?.LookupNamespacesAndTypes(method.SpanStart, name: "Task")
            .Any(static s => s.ToDisplayString() == "System.Threading.Tasks.Task") == true
            ? SyntaxFactory.ParseTypeName("Task")
            : SyntaxFactory.ParseTypeName("System.Threading.Tasks.Task");
        return document.WithSyntaxRoot(root.ReplaceNode(method.ReturnType, task.WithTriviaFrom(method.ReturnType)));
    }
}
