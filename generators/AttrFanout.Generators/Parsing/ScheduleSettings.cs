using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing;

/// <summary>The arguments of one <c>[OnSchedule]</c> attribute, as written, and what is wrong with them.</summary>
internal sealed class ScheduleSettings
{
    private ScheduleSettings(string? cron, string? timeZone, string? explicitId, int? retries, int? timeoutSeconds, bool catchUp)
    {
        Cron = cron;
        TimeZone = timeZone;
        ExplicitId = explicitId;
        Retries = retries;
        TimeoutSeconds = timeoutSeconds;
        CatchUp = catchUp;
    }

    public string? Cron { get; }

    public string? TimeZone { get; }

    public string? ExplicitId { get; }

    public int? Retries { get; }

    public int? TimeoutSeconds { get; }

    public bool CatchUp { get; }

    /// <summary>Why the expression is not valid cron (AF0033), or null.</summary>
    public string? CronProblem => CronSyntax.Problem(Cron);

    /// <summary>Why the time zone is not a known IANA name (AF0034), or null.</summary>
    public string? TimeZoneProblem =>
        TimeZone is null || TimeZoneNames.IsKnown(TimeZone) ? null :
        TimeZoneNames.Nearest(TimeZone) is { } nearest ? $"'{TimeZone}' is not an IANA time zone name; did you mean '{nearest}'?" :
        $"'{TimeZone}' is not an IANA time zone name, such as 'Europe/Paris' or 'America/New_York'";

    /// <summary>Why a numeric setting is out of range (AF0010), or null.</summary>
    public string? SettingProblem =>
        Retries < 0 ? $"Retries = {Retries} is negative; use 0 or more" :
        TimeoutSeconds <= 0 ? $"TimeoutSeconds = {TimeoutSeconds} is not positive; use 1 or more" :
        null;

    public static ScheduleSettings From(AttributeData attribute)
    {
        var cron = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        string? timeZone = null, id = null;
        int? retries = null, timeout = null;
        var catchUp = false;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "TimeZone":
                    timeZone = argument.Value.Value as string;
                    break;
                case "Id":
                    id = argument.Value.Value as string;
                    break;
                case "Retries":
                    retries = argument.Value.Value as int?;
                    break;
                case "TimeoutSeconds":
                    timeout = argument.Value.Value as int?;
                    break;
                case "CatchUp":
                    catchUp = argument.Value.Value is true;
                    break;
            }
        }

        return new ScheduleSettings(cron, timeZone, id, retries is -1 ? null : retries, timeout is -1 ? null : timeout, catchUp);
    }

    /// <summary>The Id the function gets: the explicit one, or the one derived from its type and method names.</summary>
    public string ResolveId(IMethodSymbol method) => ExplicitId ?? FanoutNames.DeriveFunctionId(method.ContainingType.Name, method.Name);
}
