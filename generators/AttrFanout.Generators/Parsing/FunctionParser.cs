using AttrFanout.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>Reads one <c>[OnEvent]</c> method into a <see cref="FunctionModel"/>; invalid handlers yield null and are reported by the analyzers.</summary>
internal static class FunctionParser
{
    private static readonly SymbolDisplayFormat AnnotatedFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static FunctionModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var settings = OnEventSettings.From(context.Attributes[0]);
        var id = settings.ResolveId(method);
        if (!FanoutNames.IsValidEventName(settings.EventName) || !FanoutNames.IsValidFunctionId(id) || settings.SettingProblem is not null)
        {
            return null;
        }

        var types = KnownTypes.From(context.SemanticModel.Compilation);
        var shape = HandlerShape.Of(method, types);
        if (!shape.IsValid || shape.PayloadType is null || shape.PayloadType.TypeKind == TypeKind.Error ||
            Reachability.TypeNameProblem(shape.PayloadType) is not null)
        {
            return null;
        }

        return new FunctionModel(
            settings.EventName!,
            id,
            SymbolNames.Handler(method),
            SymbolNames.Fqn(method.ContainingType),
            SymbolNames.Identifier(method.Name),
            SymbolNames.Fqn(shape.PayloadType),
            method.IsStatic,
            shape.Parameters.ToEquatableArray(),
            shape.ReturnKind,
            settings.Retries,
            settings.TimeoutSeconds,
            settings.Concurrency,
            method.IsStatic ? null : ServiceFactoryParser.Parse(method.ContainingType, types, cancellationToken),
            AnnotatedEnvelope(method, shape));
    }

    private static bool AnnotatedEnvelope(IMethodSymbol method, HandlerShape shape)
    {
        var index = shape.Parameters.IndexOf(HandlerParameterKind.Envelope);
        return index >= 0 && method.Parameters[index].Type.ToDisplayString(AnnotatedFormat) != SymbolNames.Fqn(method.Parameters[index].Type);
    }
}
