using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.Json;
using AttrFanout.Generators.Parsing.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// Reads one <c>[Event]</c> type into an <see cref="EventModel"/>. A type that cannot take its generated part yields null;
/// one whose name or accessibility the analyzers reject still gets its payload plumbing (so sends of it compile) but is not registered.
/// </summary>
internal static class EventParser
{
    private const string EventNameMember = "EventName";

    public static EventModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var name = EventName(context.Attributes[0]);
        if (PartialProblem(type) is not null)
        {
            return null;
        }

        var registered = FanoutNames.IsValidEventName(name) && Reachability.TypeNameProblem(type) is null;

        var declarations = new List<TypeDeclarationModel>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            declarations.Insert(0, new TypeDeclarationModel(Keyword(current), SymbolNames.Identifier(current.Name)));
        }

        var ns = SymbolNames.Namespace(type.ContainingNamespace);
        var json = registered
            ? EventJsonParser.Parse(type, context.Attributes[0], context.SemanticModel.Compilation.Assembly, cancellationToken)
            : EventJsonModel.Unsupported;
        return new EventModel(name ?? "", SymbolNames.Fqn(type), ns, declarations.ToEquatableArray(), json, Constant(type), registered);
    }

    private static EventNameConstant Constant(INamedTypeSymbol type)
    {
        if (!type.GetMembers(EventNameMember).IsEmpty)
        {
            return EventNameConstant.Omit;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(EventNameMember).Any(static m => m.DeclaredAccessibility != Accessibility.Private) || GetsEventNameConstant(current))
            {
                return EventNameConstant.DeclareHidingInherited;
            }
        }

        return EventNameConstant.Declare;
    }

    /// <summary>Whether the generator gives <paramref name="type"/>, an <c>[Event]</c> type of this compilation, its <c>EventName</c> constant.</summary>
    private static bool GetsEventNameConstant(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == KnownNames.EventAttribute) is { } attribute &&
        FanoutNames.IsValidEventName(EventName(attribute)) &&
        PartialProblem(type) is null;

    public static string? EventName(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>Why the generator cannot add the event's plumbing to the type (AF0009), or null.</summary>
    public static string? PartialProblem(INamedTypeSymbol type)
    {
        if (type.IsStatic)
        {
            return "it is static, but a payload is an instance that is sent and stored; remove 'static'";
        }

        if (type.IsRefLikeType)
        {
            return "it is a ref struct, which cannot be stored or passed to generic code; remove 'ref'";
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            var role = ReferenceEquals(current, type) ? "it" : $"its containing type '{current.ToDisplayString()}'";
            if (current.IsGenericType)
            {
                return $"{role} is generic";
            }

            if (current.IsFileLocal)
            {
                return $"{role} is file-local ('file'), so its generated part, in another file, would be another type; make it internal instead";
            }

            if (!IsPartial(current))
            {
                return $"{role} is not partial; add the 'partial' modifier";
            }
        }

        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.Any(static r => r.GetSyntax() is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (false, TypeKind.Struct) => "struct",
        (false, TypeKind.Interface) => "interface",
        _ => "class",
    };
}
