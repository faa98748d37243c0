using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Benchmarks.Generator;

/// <summary>
/// The floor under any attribute-driven generator: the same two <c>ForAttributeWithMetadataName</c> lookups the AttrFanout
/// generator makes (each binds the target's declaration and its attributes), keeping only the symbols' names and emitting nothing.
/// </summary>
internal sealed class AttributeLookupGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AttrFanout.OnEventAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        var events = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AttrFanout.EventAttribute",
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(functions.Collect().Combine(events.Collect()), static (_, _) => { });
    }
}
