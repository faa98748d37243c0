using System.Collections.Immutable;
using AttrFanout.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// The shape of an <c>[OnEvent]</c> method: what each parameter receives, the payload type, the return kind,
/// and what is wrong with it. Shared by the generator (which skips invalid handlers) and the analyzers (which report them).
/// </summary>
internal sealed class HandlerShape
{
    private HandlerShape(
        ImmutableArray<HandlerParameterKind> parameters,
        ITypeSymbol? payloadType,
        HandlerReturnKind returnKind,
        string? signatureProblem,
        string? reachabilityProblem)
    {
        Parameters = parameters;
        PayloadType = payloadType;
        ReturnKind = returnKind;
        SignatureProblem = signatureProblem;
        ReachabilityProblem = reachabilityProblem;
    }

    /// <summary>The problem of a signature without a payload, which a scheduled function may have.</summary>
    public const string NoPayloadProblem = "it takes no payload; add a parameter of the event's payload type (or Event<T>)";

    public ImmutableArray<HandlerParameterKind> Parameters { get; }

    /// <summary>The payload type, unwrapped from <c>Event&lt;T&gt;</c>; null when the signature has none.</summary>
    public ITypeSymbol? PayloadType { get; }

    public HandlerReturnKind ReturnKind { get; }

    /// <summary>Why the parameters or return type are not a handler's (AF0004), or null.</summary>
    public string? SignatureProblem { get; }

    /// <summary>Why generated code cannot call the method (AF0008), or null.</summary>
    public string? ReachabilityProblem { get; }

    /// <summary>The name of a parameter that looks like a service (AF0004 points it to the constructor), or null.</summary>
    public string? ServiceParameter { get; private set; }

    public bool IsValid => SignatureProblem is null && ReachabilityProblem is null;

    /// <summary>Whether the handler takes a batch: <c>IReadOnlyList&lt;T&gt;</c> or <c>IReadOnlyList&lt;Event&lt;T&gt;&gt;</c>.</summary>
    public bool TakesList => Parameters.Contains(HandlerParameterKind.PayloadList) || Parameters.Contains(HandlerParameterKind.EnvelopeList);

    public static HandlerShape Of(IMethodSymbol method, KnownTypes types)
    {
        var problem = default(string);
        var returnKind = ClassifyReturn(method, types, ref problem);

        var kinds = ImmutableArray.CreateBuilder<HandlerParameterKind>(method.Parameters.Length);
        var payloadType = default(ITypeSymbol);
        var payloadParameter = default(IParameterSymbol);
        var service = default(IParameterSymbol);
        foreach (var parameter in method.Parameters)
        {
            var kind = ClassifyParameter(parameter, types, out var payload);
            if (parameter.RefKind != RefKind.None)
            {
                problem ??= $"parameter '{parameter.Name}' is passed by reference; handler parameters are passed by value";
            }

            if (kinds.Contains(kind) || (payload is not null && payloadType is not null))
            {
                problem ??= kind switch
                {
                    HandlerParameterKind.Context => $"parameter '{parameter.Name}' is a second FunctionContext",
                    HandlerParameterKind.CancellationToken => $"parameter '{parameter.Name}' is a second CancellationToken",
                    _ => SecondPayloadProblem(method, payloadParameter!, parameter, out service),
                };
            }

            if (payloadType is null && payload is not null)
            {
                payloadType = payload;
                payloadParameter = parameter;
            }

            kinds.Add(kind);
        }

        if (payloadType is null)
        {
            problem ??= NoPayloadProblem;
        }

        return new HandlerShape(kinds.ToImmutable(), payloadType, returnKind, problem, Reachability.MethodProblem(method)) { ServiceParameter = service?.Name };
    }

    /// <summary>A second payload that looks like a service (an interface or abstract class) is pointed to constructor injection.</summary>
    private static string SecondPayloadProblem(IMethodSymbol method, IParameterSymbol first, IParameterSymbol second, out IParameterSymbol? service)
    {
        service = LooksLikeService(first.Type) && !LooksLikeService(second.Type) ? first : LooksLikeService(second.Type) ? second : null;
        if (service is null)
        {
            return $"parameter '{second.Name}' is a second payload; a handler takes one payload (or Event<T>), optionally a FunctionContext and a CancellationToken";
        }

        var where = method.IsStatic
            ? "make the handler an instance method and take the service in its class's constructor"
            : $"take the service in the constructor of '{method.ContainingType.Name}'";
        return $"parameter '{service.Name}' of type '{service.Type.ToDisplayString()}' looks like a service, but a handler receives only the payload, a FunctionContext and a CancellationToken; {where}, which dependency injection calls for each run";
    }

    private static bool LooksLikeService(ITypeSymbol type) => type.TypeKind == TypeKind.Interface || (type.IsAbstract && type.TypeKind == TypeKind.Class);

    private static HandlerReturnKind ClassifyReturn(IMethodSymbol method, KnownTypes types, ref string? problem)
    {
        if (method.ReturnsVoid)
        {
            if (method.IsAsync)
            {
                problem = "it is 'async void', so failures cannot be observed or retried; return Task instead";
            }

            return HandlerReturnKind.Void;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ReturnType, types.Task))
        {
            return HandlerReturnKind.Task;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ReturnType, types.ValueTask))
        {
            return HandlerReturnKind.ValueTask;
        }

        problem = $"it returns '{method.ReturnType.ToDisplayString()}'; a handler returns Task, ValueTask or void";
        return HandlerReturnKind.Void;
    }

    private static HandlerParameterKind ClassifyParameter(IParameterSymbol parameter, KnownTypes types, out ITypeSymbol? payload)
    {
        payload = null;
        var type = parameter.Type;
        if (SymbolEqualityComparer.Default.Equals(type, types.FunctionContext))
        {
            return HandlerParameterKind.Context;
        }

        if (SymbolEqualityComparer.Default.Equals(type, types.CancellationToken))
        {
            return HandlerParameterKind.CancellationToken;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, types.EventOfT))
        {
            payload = named.TypeArguments[0];
            return HandlerParameterKind.Envelope;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } list && SymbolEqualityComparer.Default.Equals(list.OriginalDefinition, types.ReadOnlyListOfT))
        {
            var element = list.TypeArguments[0];
            if (element is INamedTypeSymbol { IsGenericType: true } envelope && SymbolEqualityComparer.Default.Equals(envelope.OriginalDefinition, types.EventOfT))
            {
                payload = envelope.TypeArguments[0];
                return HandlerParameterKind.EnvelopeList;
            }

            payload = element;
            return HandlerParameterKind.PayloadList;
        }

        payload = type;
        return HandlerParameterKind.Payload;
    }
}
