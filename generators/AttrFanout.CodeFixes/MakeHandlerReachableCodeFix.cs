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
/// AF0008: makes a handler reachable from generated code: a private or protected method becomes <c>public</c>; otherwise
/// the innermost private, protected or <c>file</c> containing type becomes <c>internal</c>. Not offered for the other
/// causes (generic, explicit interface implementation, instance method of an abstract class or struct).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeHandlerReachableCodeFix))]
[Shared]
public sealed class MakeHandlerReachableCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.MakeHandlerReachable";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.HandlerNotReachable];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var method = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (method is null || method.ExplicitInterfaceSpecifier is not null || method.TypeParameterList is not null)
            {
                continue;
            }

            MemberDeclarationSyntax? target = HasHiddenAccessibility(method.Modifiers)
                ? method
                : method.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault(static t => HasHiddenAccessibility(t.Modifiers));
            if (target is null)
            {
                continue;
            }

            var keyword = target == method ? SyntaxKind.PublicKeyword : SyntaxKind.InternalKeyword;
            var name = target is TypeDeclarationSyntax type ? type.Identifier.ValueText : method.Identifier.ValueText;
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{name}' {SyntaxFacts.GetText(keyword)}",
                    async ct =>
                    {
                        var current = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                        return current is null ? document : document.WithSyntaxRoot(current.ReplaceNode(target, WithAccessibility(target, keyword)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static bool HasHiddenAccessibility(SyntaxTokenList modifiers) =>
        modifiers.Any(SyntaxKind.PrivateKeyword) || modifiers.Any(SyntaxKind.FileKeyword) ||
        (modifiers.Any(SyntaxKind.ProtectedKeyword) && !modifiers.Any(SyntaxKind.InternalKeyword));

    /// <summary>Replaces the accessibility modifiers (<c>private</c>, <c>protected</c>, <c>file</c>) with <paramref name="keyword"/>, where the first of them stood.</summary>
    private static MemberDeclarationSyntax WithAccessibility(MemberDeclarationSyntax member, SyntaxKind keyword)
    {
        var modifiers = member.Modifiers;
        var first = modifiers.IndexOf(modifiers.First(static m => m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.FileKeyword)));
        var replacement = SyntaxFactory.Token(modifiers[first].LeadingTrivia, keyword, modifiers[first].TrailingTrivia);
        var kept = modifiers.Where(static m => !m.IsKind(SyntaxKind.PrivateKeyword) && !m.IsKind(SyntaxKind.ProtectedKeyword) && !m.IsKind(SyntaxKind.FileKeyword)).ToList();
        kept.Insert(Math.Min(first, kept.Count), replacement);
        return member.WithModifiers(SyntaxFactory.TokenList(kept));
    }
}
