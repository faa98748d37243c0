using System.Collections.Immutable;
using System.Composition;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AttrFanout.CodeFixes;

/// <summary>AF0006: replaces an invalid explicit function Id with its kebab-case form (<c>"Send Welcome"</c> → <c>"send-welcome"</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseKebabCaseIdCodeFix))]
[Shared]
public sealed class UseKebabCaseIdCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.UseKebabCaseId";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.InvalidFunctionId];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(HandlerAnalyzer.SuggestionProperty, out var suggestion) && suggestion is not null)
            {
                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create($"Use the Id '{suggestion}'", ct => LiteralReplacement.ReplaceAsync(document, span, suggestion, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
