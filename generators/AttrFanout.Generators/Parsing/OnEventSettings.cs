using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Generators.Parsing;

/// <summary>The arguments of one <c>[OnEvent]</c> attribute, as written.</summary>
internal sealed class OnEventSettings
{
    private OnEventSettings(EventNameValue eventName, string? explicitId, int? retries, int? timeoutSeconds, int? concurrency, string? pipeline, string? when)
    {
        Pipeline = pipeline;
        When = when;
        EventName = eventName.Name;
        IsEventNameDetermined = eventName.IsDetermined;
        ExplicitId = explicitId;
        Retries = retries;
        TimeoutSeconds = timeoutSeconds;
        Concurrency = concurrency;
    }

    public string? EventName { get; }

    /// <summary>Whether the event name is known at build time; when false (AF0021) <see cref="EventName"/> is null.</summary>
    public bool IsEventNameDetermined { get; }

    public string? ExplicitId { get; }

    public int? Retries { get; }

    public int? TimeoutSeconds { get; }

    public int? Concurrency { get; }

    /// <summary>The name of the app's resilience pipeline, as written, or null when not set.</summary>
    public string? Pipeline { get; }

    /// <summary>The name of the filter method, as written, or null when not set.</summary>
    public string? When { get; }

    /// <summary>Why <see cref="Pipeline"/> cannot name a registered pipeline (AF0020), or null.</summary>
    public string? PipelineProblem => PipelineNames.Problem(Pipeline);

    /// <summary>Why a numeric setting is out of range (AF0010), or null.</summary>
    public string? SettingProblem =>
        Retries < 0 ? $"Retries = {Retries} is negative; use 0 or more" :
        TimeoutSeconds <= 0 ? $"TimeoutSeconds = {TimeoutSeconds} is not positive; use 1 or more" :
        Concurrency <= 0 ? $"Concurrency = {Concurrency} is not positive; use 1 or more" :
        null;

    /// <summary>Reads <paramref name="attribute"/>; <paramref name="model"/> is the semantic model of its syntax tree when at hand.</summary>
    public static OnEventSettings From(AttributeData attribute, Compilation compilation, SemanticModel? model, CancellationToken cancellationToken)
    {
        var eventName = EventNameArgument.Read(attribute, compilation, model, cancellationToken);
        string? id = null;
        int? retries = null, timeout = null, concurrency = null;
        string? pipeline = null, when = null;
        foreach (var (name, value) in NamedArguments(attribute, compilation, model, cancellationToken))
        {
            switch (name)
            {
                case "Id":
                    id = value as string;
                    break;
                case "Retries":
                    retries = value as int?;
                    break;
                case "TimeoutSeconds":
                    timeout = value as int?;
                    break;
                case "Concurrency":
                    concurrency = value as int?;
                    break;
                case "Pipeline":
                    pipeline = value as string;
                    break;
                case "When":
                    when = value as string;
                    break;
            }
        }

        return new OnEventSettings(eventName, id, retries, timeout, concurrency, pipeline, when);
    }

    /// <summary>
    /// The named arguments' values. When the attribute did not bind, as the generator sees <c>[OnEvent(T.EventName, Id = "x")]</c>
    /// before the constant exists, Roslyn gives none, so they are read from the arguments as written.
    /// </summary>
    public static IEnumerable<(string Name, object? Value)> NamedArguments(
        AttributeData attribute, Compilation compilation, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (attribute.AttributeConstructor is not null ||
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list } syntax)
        {
            return attribute.NamedArguments.Select(static a => (a.Key, a.Value.Value));
        }

        var semantics = model is not null && model.SyntaxTree == syntax.SyntaxTree ? model : compilation.GetSemanticModel(syntax.SyntaxTree);
        return list.Arguments
            .Where(static a => a.NameEquals is not null)
            .Select(a => (a.NameEquals!.Name.Identifier.ValueText, semantics.GetConstantValue(a.Expression, cancellationToken).Value))
            .ToList();
    }

    /// <summary>
    /// The Id the function gets: the explicit one, or the one derived from its type and method names (an explicit interface
    /// implementation by the interface member's name, not <c>IReserve.Reserve</c>).
    /// </summary>
    public string ResolveId(IMethodSymbol method) =>
        ExplicitId ?? FanoutNames.DeriveFunctionId(method.ContainingType.Name, method.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? method.Name);
}
