using System.Collections.Immutable;
using System.Composition;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.CodeFixes;

/// <summary>AF0009: adds the <c>partial</c> modifier to an <c>[Event]</c> type and to each containing type that lacks it, when that is all that is missing.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix))]
[Shared]
public sealed class AddPartialCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.AddPartial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.EventTypeNotPartial];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var declaration = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?
                .AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null || !CanFix(declaration))
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create($"Make '{declaration.Identifier.ValueText}' partial", ct => FixAsync(document, declaration, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Offered only when 'partial' is all that is missing: not for generic, file-local, static or ref struct payloads.</summary>
    private static bool CanFix(TypeDeclarationSyntax declaration)
    {
        var chain = Chain(declaration).ToArray();
        return chain.All(static t => t.TypeParameterList is null && !t.Modifiers.Any(SyntaxKind.FileKeyword)) &&
            !declaration.Modifiers.Any(SyntaxKind.StaticKeyword) &&
            !declaration.Modifiers.Any(SyntaxKind.RefKeyword) &&
            chain.Any(static t => !IsPartial(t));
    }

    private static async Task<Document> FixAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = Chain(declaration).Where(static t => !IsPartial(t));
        return document.WithSyntaxRoot(root.ReplaceNodes(targets, static (_, rewritten) => AddPartial(rewritten)));
    }

    /// <summary>The declaration and its containing type declarations, innermost first.</summary>
    internal static IEnumerable<TypeDeclarationSyntax> Chain(TypeDeclarationSyntax declaration) =>
        declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>();

    internal static bool IsPartial(TypeDeclarationSyntax declaration) => declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>Adds <c>partial</c> after the other modifiers, or before the keyword, keeping the declaration's layout.</summary>
    internal static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        var keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
