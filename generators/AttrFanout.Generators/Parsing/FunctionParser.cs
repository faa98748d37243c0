using AttrFanout.Generators.Model;
using AttrFanout.Generators.Parsing.FlowControl;
using AttrFanout.Generators.Parsing.Triggers;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// Reads one <c>[OnEvent]</c> method into its <see cref="FunctionModel"/>, or one per trigger when it has several
/// (<see cref="TriggerSetParser"/>); invalid handlers, and those whose event name cannot be determined at build time, yield
/// null and are reported by the analyzers.
/// </summary>
internal static class FunctionParser
{
    private static readonly SymbolDisplayFormat AnnotatedFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static FunctionTriggersModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var schedule = TriggerSetParser.ScheduleAttribute(method);
        if (context.Attributes.Length > 1 || schedule is not null)
        {
            return TriggerSetParser.Parse(context, method, schedule, cancellationToken);
        }

        return ParseSingle(context, method, cancellationToken) is { } function ? new FunctionTriggersModel(new[] { function }.ToEquatableArray()) : null;
    }

    private static FunctionModel? ParseSingle(GeneratorAttributeSyntaxContext context, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var settings = OnEventSettings.From(context.Attributes[0], context.SemanticModel.Compilation, context.SemanticModel, cancellationToken);
        var id = settings.ResolveId(method);
        if (!FanoutNames.IsValidEventName(settings.EventName) || !FanoutNames.IsValidFunctionId(id) || settings.SettingProblem is not null ||
            settings.PipelineProblem is not null)
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

        string? filterCall = null;
        if (settings.When is { } when &&
            (filterCall = FilterResolver.Call(method, when, shape.PayloadType, context.SemanticModel.Compilation, out _)) is null)
        {
            return null;
        }

        var triggers = TriggerParser.Read(method, shape.PayloadType, scheduled: false, context.SemanticModel.Compilation, types, cancellationToken);
        if (triggers.IsBroken || shape.TakesList != triggers.HasBatch)
        {
            return null;
        }

        var containingType = SymbolNames.Fqn(method.ContainingType);
        return new FunctionModel(
            settings.EventName!,
            id,
            SymbolNames.Handler(method),
            containingType,
            SymbolNames.Identifier(method.Name),
            SymbolNames.Fqn(shape.PayloadType),
            method.IsStatic,
            shape.Parameters.ToEquatableArray(),
            shape.ReturnKind,
            settings.Retries,
            settings.TimeoutSeconds,
            settings.Concurrency,
            settings.Pipeline,
            method.IsStatic ? null : ServiceFactoryParser.Parse(method.ContainingType, containingType, types, cancellationToken),
            AnnotatedEnvelope(method, shape),
            FlowControlParser.Read(method, shape.PayloadType, context.SemanticModel.Compilation, types, cancellationToken).Model,
            FilterCall: filterCall,
            Triggers: triggers.Model);
    }

    public static bool AnnotatedEnvelope(IMethodSymbol method, HandlerShape shape)
    {
        var index = shape.Parameters.IndexOf(HandlerParameterKind.Envelope);
        index = index < 0 ? shape.Parameters.IndexOf(HandlerParameterKind.EnvelopeList) : index;
        if (index < 0)
        {
            return false;
        }

        var type = method.Parameters[index].Type;
        return MayShowAnnotation(type) && type.ToDisplayString(AnnotatedFormat) != SymbolNames.Fqn(type);
    }

    /// <summary>
    /// Whether the type's name could show a nullable annotation: false only for a named type whose type arguments, and those
    /// of its containing types, are all named types without one, so the two display strings need not be built and compared.
    /// </summary>
    private static bool MayShowAnnotation(ITypeSymbol type)
    {
        if (type.NullableAnnotation == NullableAnnotation.Annotated || type is not INamedTypeSymbol named)
        {
            return true;
        }

        for (var current = named; current is not null; current = current.ContainingType)
        {
            foreach (var argument in current.TypeArguments)
            {
                if (MayShowAnnotation(argument))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
