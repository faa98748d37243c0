namespace AttrFanout.Generators.Model;

/// <summary>How to construct a handler class without reflection: its public constructor's parameters.</summary>
internal sealed record ServiceFactoryModel(string TypeFqn, EquatableArray<ConstructorArgumentModel> Arguments);

/// <summary>One constructor parameter, resolved from the service provider.</summary>
/// <param name="TypeFqn">The parameter type.</param>
/// <param name="ServiceKey">The C# literal of a <c>[FromKeyedServices]</c> key, or <see langword="null"/>.</param>
/// <param name="IsOptional">Whether the parameter has a default value, so a missing service is allowed.</param>
internal sealed record ConstructorArgumentModel(string TypeFqn, string? ServiceKey, bool IsOptional);
