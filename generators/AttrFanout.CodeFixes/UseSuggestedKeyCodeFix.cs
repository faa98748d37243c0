using System.Collections.Immutable;
using System.Composition;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.CodeFixes;

/// <summary>AF0022 and AF0045: replaces a key or match written as a string literal with the member path the analyzer suggests.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedKeyCodeFix))]
[Shared]
public sealed class UseSuggestedKeyCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.UseSuggestedKey";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.UnknownKeyMember, DiagnosticIds.InvalidCancelMatch];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (diagnostic.Properties.TryGetValue(FlowControlAnalyzer.SuggestionProperty, out var suggestion) && suggestion is not null &&
                root?.FindNode(span, getInnermostNodeForTie: true).IsKind(SyntaxKind.StringLiteralExpression) == true)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create($"Use the key '{suggestion}'", ct => LiteralReplacement.ReplaceAsync(document, span, suggestion, ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
