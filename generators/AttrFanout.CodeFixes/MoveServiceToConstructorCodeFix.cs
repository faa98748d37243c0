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

/// <summary>
/// AF0004: moves a service an instance handler takes as a parameter to its class's primary constructor, where dependency
/// injection supplies it; the method body keeps using it by the same name. Offered for a class (not a record) whose
/// only constructor is the primary one or the implicit default.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveServiceToConstructorCodeFix))]
[Shared]
public sealed class MoveServiceToConstructorCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "AttrFanout.MoveServiceToConstructor";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.InvalidHandlerSignature];

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HandlerAnalyzer.ServiceParameterProperty, out var name) || name is null ||
                root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method ||
                method.Parent is not ClassDeclarationSyntax type ||
                type.Members.Any(static m => m is ConstructorDeclarationSyntax c && !c.Modifiers.Any(SyntaxKind.StaticKeyword)) ||
                method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is not { } parameter)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Take '{name}' in the constructor of '{type.Identifier.ValueText}'",
                    async ct =>
                    {
                        var current = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                        return current is null ? document : document.WithSyntaxRoot(current.ReplaceNode(type, Move(type, method, parameter)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static ClassDeclarationSyntax Move(ClassDeclarationSyntax type, MethodDeclarationSyntax method, ParameterSyntax parameter)
    {
        var handler = method.WithParameterList(method.ParameterList.WithParameters(method.ParameterList.Parameters.Remove(parameter)));
        var updated = type.ReplaceNode(method, handler);
        var moved = parameter.WithoutTrivia();
        if (updated.ParameterList is { } primary)
        {
            return updated.WithParameterList(primary.WithParameters(primary.Parameters.Add(moved)));
        }

        var identifier = updated.Identifier;
        return updated
            .WithIdentifier(identifier.WithTrailingTrivia())
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(moved)).WithTrailingTrivia(identifier.TrailingTrivia));
    }
}
