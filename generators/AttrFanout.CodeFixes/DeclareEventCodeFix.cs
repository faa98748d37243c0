using System.Collections.Immutable;
using System.Composition;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.CodeFixes;

/// <summary>
/// AF0016: declares the sent type as an event: adds <c>[Event("kebab-name")]</c> and <c>partial</c> (to it and its
/// containing types) where the type is declared, which may be another file than the send.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareEventCodeFix))]
[Shared]
public sealed class DeclareEventCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.DeclareEvent";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.SentTypeNotEvent];

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } tree } location ||
                context.Document.Project.Solution.GetDocument(tree) is not { } document)
            {
                continue;
            }

            var root = await tree.GetRootAsync(context.CancellationToken).ConfigureAwait(false);
            var declaration = root.FindToken(location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null || AddPartialCodeFix.Chain(declaration).Any(static t => t.TypeParameterList is not null))
            {
                continue;
            }

            var name = FanoutNames.ToKebabCase(declaration.Identifier.ValueText);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare '{declaration.Identifier.ValueText}' as the event '{name}'",
                    ct => FixAsync(document, declaration, name, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> FixAsync(Document document, TypeDeclarationSyntax declaration, string name, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document.Project.Solution;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(static t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var eol = endOfLine == default ? SyntaxFactory.LineFeed : endOfLine;
        var updated = root.ReplaceNodes(
            AddPartialCodeFix.Chain(declaration),
            (original, rewritten) =>
            {
                var partial = AddPartialCodeFix.IsPartial(rewritten) ? rewritten : AddPartialCodeFix.AddPartial(rewritten);
                return original == declaration ? AddEventAttribute(partial, name, eol) : partial;
            });
        return document.WithSyntaxRoot(AddUsing(updated, eol)).Project.Solution;
    }

    private static TypeDeclarationSyntax AddEventAttribute(TypeDeclarationSyntax declaration, string name, SyntaxTrivia eol)
    {
        var leading = declaration.GetLeadingTrivia();
        var indentation = leading.Where(static t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(
                    SyntaxFactory.IdentifierName("Event"),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))))))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(eol);
        var stripped = declaration.WithLeadingTrivia(indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation));
        return stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, attribute));
    }

    private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, SyntaxTrivia eol)
    {
        if (root.Usings.Any(static u => u.Name?.ToString() == "AttrFanout" && u.Alias is null && u.StaticKeyword == default))
        {
            return root;
        }

        // The first using directive of a file is set apart from what follows by a blank line.
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName("AttrFanout"))
            .WithTrailingTrivia(root.Usings.Count == 0 ? SyntaxFactory.TriviaList(eol, eol) : SyntaxFactory.TriviaList(eol));
        return root.WithUsings(root.Usings.Add(directive));
    }
}
