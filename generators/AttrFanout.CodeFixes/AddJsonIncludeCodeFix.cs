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
/// AF0017: adds <c>[JsonInclude]</c> to a payload property whose setter is not public, so the generated metadata sets it
/// when reading the JSON back; AF0019: adds it to a public field, so it is stored. Adds
/// <c>using System.Text.Json.Serialization;</c> when the file lacks it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonIncludeCodeFix))]
[Shared]
public sealed class AddJsonIncludeCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.AddJsonInclude";
    private const string Namespace = "System.Text.Json.Serialization";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.PayloadMemberNotReadBack, DiagnosticIds.PayloadFieldNotSerialized];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            MemberDeclarationSyntax? member = node?.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is { } property && HasNonPublicSetter(property)
                ? property
                : node?.AncestorsAndSelf().OfType<FieldDeclarationSyntax>().FirstOrDefault();
            var name = member switch
            {
                PropertyDeclarationSyntax p => p.Identifier.ValueText,
                FieldDeclarationSyntax { Declaration.Variables.Count: 1 } f => f.Declaration.Variables[0].Identifier.ValueText,
                _ => null,
            };
            if (member is null || name is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create($"Add [JsonInclude] to '{name}'", ct => FixAsync(document, member, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static bool HasNonPublicSetter(PropertyDeclarationSyntax property) =>
        property.AccessorList?.Accessors.Any(static a => a.IsKind(SyntaxKind.SetAccessorDeclaration) && a.Modifiers.Count > 0) == true;

    private static async Task<Document> FixAsync(Document document, MemberDeclarationSyntax property, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(static t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = SyntaxFactory.LineFeed;
        }

        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("JsonInclude"))));
        var indentation = property.GetLeadingTrivia().LastOrDefault(static t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var included = property
            .WithoutLeadingTrivia()
            .AddAttributeLists(attribute.WithTrailingTrivia(endOfLine, indentation))
            .WithLeadingTrivia(property.GetLeadingTrivia());
        var fixedRoot = root.ReplaceNode(property, included);
        if (!fixedRoot.Usings.Any(static u => u.Name?.ToString() == Namespace))
        {
            fixedRoot = fixedRoot.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(Namespace)).WithTrailingTrivia(endOfLine));
        }

        return document.WithSyntaxRoot(fixedRoot);
    }
}
