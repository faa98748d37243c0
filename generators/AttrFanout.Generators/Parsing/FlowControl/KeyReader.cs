using System.Collections.Immutable;
using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Model.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>
/// Resolves the <c>Key</c> of an attribute (flow control, <c>[Debounce]</c>, <c>[Batch]</c>) and records why it cannot be read:
/// AF0022 for a member path, AF0023 for a key method, AF0032 for a key without a stable text form.
/// </summary>
internal static class KeyReader
{
    /// <param name="attributeName">The attribute as named in messages, e.g. <c>Concurrency</c>.</param>
    public static KeyModel? Read(
        string key,
        string attributeName,
        AttributeData attribute,
        IMethodSymbol method,
        ITypeSymbol payload,
        Compilation compilation,
        KnownTypes types,
        ImmutableArray<FlowProblem>.Builder problems)
    {
        var handler = SymbolNames.Handler(method);
        var resolution = KeyResolver.Resolve(key, method, payload, compilation, types);
        if (resolution.Problem == Descriptors.InvalidKeyMethod)
        {
            problems.Add(new FlowProblem(Descriptors.InvalidKeyMethod, attribute, "Key", key, attributeName, handler, resolution.Reason!, payload.ToDisplayString()));
        }
        else if (resolution.Problem is { } problem)
        {
            problems.Add(new FlowProblem(problem, attribute, "Key", key, attributeName, handler, resolution.Reason!) { Suggestion = resolution.Suggestion });
        }
        else if (resolution.UnstableType is { } type)
        {
            problems.Add(new FlowProblem(Descriptors.KeyTextNotStable, attribute, "Key", key, attributeName, handler, type));
        }

        return resolution.Model;
    }
}
