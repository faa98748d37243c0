using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>The arguments of one <c>[OnEvent]</c> attribute, as written.</summary>
internal sealed class OnEventSettings
{
    private OnEventSettings(string? eventName, string? explicitId, int? retries, int? timeoutSeconds, int? concurrency, string? pipeline)
    {
        Pipeline = pipeline;
        EventName = eventName;
        ExplicitId = explicitId;
        Retries = retries;
        TimeoutSeconds = timeoutSeconds;
        Concurrency = concurrency;
    }

    public string? EventName { get; }

    public string? ExplicitId { get; }

    public int? Retries { get; }

    public int? TimeoutSeconds { get; }

    public int? Concurrency { get; }

    /// <summary>The name of the app's resilience pipeline, as written, or null when not set.</summary>
    public string? Pipeline { get; }

    /// <summary>Why <see cref="Pipeline"/> cannot name a registered pipeline (AF0020), or null.</summary>
    public string? PipelineProblem => PipelineNames.Problem(Pipeline);

    /// <summary>Why a numeric setting is out of range (AF0010), or null.</summary>
    public string? SettingProblem =>
        Retries < 0 ? $"Retries = {Retries} is negative; use 0 or more" :
        TimeoutSeconds <= 0 ? $"TimeoutSeconds = {TimeoutSeconds} is not positive; use 1 or more" :
        Concurrency <= 0 ? $"Concurrency = {Concurrency} is not positive; use 1 or more" :
        null;

    public static OnEventSettings From(AttributeData attribute)
    {
        var eventName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        string? id = null;
        int? retries = null, timeout = null, concurrency = null;
        string? pipeline = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Id":
                    id = argument.Value.Value as string;
                    break;
                case "Retries":
                    retries = argument.Value.Value as int?;
                    break;
                case "TimeoutSeconds":
                    timeout = argument.Value.Value as int?;
                    break;
                case "Concurrency":
                    concurrency = argument.Value.Value as int?;
                    break;
                case "Pipeline":
                    pipeline = argument.Value.Value as string;
                    break;
            }
        }

        return new OnEventSettings(eventName, id, retries, timeout, concurrency, pipeline);
    }

    /// <summary>
    /// The Id the function gets: the explicit one, or the one derived from its type and method names (an explicit interface
    /// implementation by the interface member's name, not <c>IReserve.Reserve</c>).
    /// </summary>
    public string ResolveId(IMethodSymbol method) =>
        ExplicitId ?? FanoutNames.DeriveFunctionId(method.ContainingType.Name, method.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? method.Name);
}
