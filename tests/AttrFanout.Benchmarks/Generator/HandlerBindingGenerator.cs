using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Benchmarks.Generator;

/// <summary>
/// The floor under any generator that reads what the AttrFanout generator must read: the same two attribute lookups, then
/// each handler's return and parameter types (which binds its signature) and the type of each member of each payload
/// (which builds the payload's members, as its JSON metadata needs), keeping only names and emitting nothing.
/// </summary>
internal sealed class HandlerBindingGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AttrFanout.OnEventAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, _) => Signature((IMethodSymbol)ctx.TargetSymbol));
        var events = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AttrFanout.EventAttribute",
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, _) => MemberTypes((INamedTypeSymbol)ctx.TargetSymbol));
        context.RegisterSourceOutput(functions.Collect().Combine(events.Collect()), static (_, _) => { });
    }

    private static int Signature(IMethodSymbol method)
    {
        var length = method.ReturnType.Name.Length;
        foreach (var parameter in method.Parameters)
        {
            length += parameter.Type.Name.Length;
        }

        return length;
    }

    private static int MemberTypes(INamedTypeSymbol type)
    {
        var length = 0;
        foreach (var member in type.GetMembers())
        {
            length += member switch
            {
                IPropertySymbol property => property.Type.Name.Length,
                IFieldSymbol field => field.Type.Name.Length,
                _ => 0,
            };
        }

        return length;
    }
}
