using AttrFanout.Cli.Parsing;

namespace AttrFanout.Cli.Commands;

/// <summary>Reads the run filters: <c>--status</c> (repeatable or comma-separated), <c>--function</c>, <c>--event</c>, <c>--event-id</c>.</summary>
internal static class RunFilters
{
    public static IReadOnlySet<RunStatus> Statuses(Arguments arguments)
    {
        var statuses = new HashSet<RunStatus>();
        foreach (var value in arguments.Values(OptionNames.Status).SelectMany(static v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            statuses.Add(Parse(value));
        }

        return statuses;
    }

    private static RunStatus Parse(string value)
    {
        var name = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (name.Equals("retrying", StringComparison.OrdinalIgnoreCase))
        {
            return RunStatus.RetryScheduled;
        }

        return Enum.TryParse<RunStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw CliException.Usage($"Unknown status '{value}'. Use one of: pending, running, retry-scheduled, succeeded, failed, skipped, cancelled.");
    }

    public static RunQuery Query(Arguments arguments, int limit) => new()
    {
        Statuses = Statuses(arguments),
        FunctionId = arguments.Value(OptionNames.Function),
        EventName = arguments.Value(OptionNames.Event),
        EventId = arguments.Value(OptionNames.EventId),
        Limit = limit,
    };

    public static FailedRunQuery Failed(Arguments arguments, int limit) => new()
    {
        FunctionId = arguments.Value(OptionNames.Function),
        EventName = arguments.Value(OptionNames.Event),
        Limit = limit,
    };
}
