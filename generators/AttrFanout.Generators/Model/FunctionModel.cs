namespace AttrFanout.Generators.Model;

/// <summary>One valid <c>[OnEvent]</c> handler, reduced to the strings and flags the emitter needs.</summary>
/// <param name="MethodName">The method name as a C# identifier, keywords escaped.</param>
internal sealed record FunctionModel(
    string EventName,
    string Id,
    string Handler,
    string ContainingTypeFqn,
    string MethodName,
    string PayloadTypeFqn,
    bool IsStatic,
    EquatableArray<HandlerParameterKind> Parameters,
    HandlerReturnKind ReturnKind,
    int? Retries,
    int? TimeoutSeconds,
    int? Concurrency,
    ServiceFactoryModel? Factory);
