using Cronos;

namespace AttrFanout.Schedules;

/// <summary>One scheduled function with its expression parsed by Cronos and its time zone found, checked once at start.</summary>
internal sealed class ScheduledFunction
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private ScheduledFunction(FunctionDescriptor function, string cron, CronExpression expression, TimeZoneInfo zone, bool catchUp)
    {
        Function = function;
        Cron = cron;
        _expression = expression;
        _zone = zone;
        CatchUp = catchUp;
    }

    public FunctionDescriptor Function { get; }

    public string Cron { get; }

    public bool CatchUp { get; }

    public string EventName => Function.EventName;

    /// <summary>The schedules of <paramref name="functions"/> this app makes runs for (an override of <c>off</c> leaves one out).</summary>
    /// <exception cref="AttrFanoutConfigurationException">An expression or time zone is not valid, naming the function.</exception>
    public static IReadOnlyList<ScheduledFunction> From(IReadOnlyList<FunctionDescriptor> functions, AttrFanoutOptions options)
    {
        var scheduled = new List<ScheduledFunction>();
        foreach (var function in functions)
        {
            if (function.Schedule is not { } rule)
            {
                continue;
            }

            options.Functions.TryGetValue(function.Id, out var overrides);
            var cron = overrides?.Schedule ?? rule.Cron;
            if (string.Equals(cron.Trim(), "off", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            scheduled.Add(new ScheduledFunction(function, cron, Parse(function, cron), FindZone(function, rule.TimeZone), rule.CatchUp));
        }

        return scheduled;
    }

    /// <summary>Gets the first tick strictly after <paramref name="after"/>, or <see langword="null"/> when the expression never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => _expression.GetNextOccurrence(after, _zone, inclusive: false);

    /// <summary>Gets the latest tick in (<paramref name="from"/>, <paramref name="to"/>], or <see langword="null"/> when there is none.</summary>
    public DateTimeOffset? LatestBetween(DateTimeOffset from, DateTimeOffset to)
    {
        DateTimeOffset? latest = null;
        foreach (var tick in _expression.GetOccurrences(from, to, _zone, fromInclusive: false, toInclusive: true))
        {
            latest = tick;
        }

        return latest;
    }

    private static CronExpression Parse(FunctionDescriptor function, string cron)
    {
        var fields = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException error)
        {
            throw new AttrFanoutConfigurationException(
                $"The schedule '{cron}' of function '{function.Id}' ({function.Handler}) is not a valid cron expression: {error.Message} Use 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first.");
        }
    }

    private static TimeZoneInfo FindZone(FunctionDescriptor function, string? timeZone)
    {
        if (string.IsNullOrEmpty(timeZone))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new AttrFanoutConfigurationException(
                $"The time zone '{timeZone}' of the schedule of function '{function.Id}' ({function.Handler}) is not known on this machine: {error.Message} Use an IANA name such as 'Europe/Paris' (on Linux containers, install tzdata).");
        }
    }
}
