using System.Collections.Immutable;
using System.Composition;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AttrFanout.CodeFixes;

/// <summary>AF0002 and AF0044: replaces an unknown event name with the declared name the analyzer suggests.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedEventNameCodeFix))]
[Shared]
public sealed class UseSuggestedEventNameCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.UseSuggestedEventName";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.UnknownEvent, DiagnosticIds.UnknownCancellingEvent];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(EventUsageCheck.SuggestionProperty, out var suggestion) && suggestion is not null)
            {
                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create($"Use the event '{suggestion}'", ct => LiteralReplacement.ReplaceAsync(document, span, suggestion, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
