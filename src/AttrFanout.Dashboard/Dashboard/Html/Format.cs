using System.Globalization;

namespace AttrFanout.Dashboard.Html;

/// <summary>How values read on the pages.</summary>
internal static class Format
{
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalMilliseconds: < 1 } => "< 1 ms",
        { TotalSeconds: < 1 } => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        { TotalHours: < 1 } => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
        { TotalDays: < 1 } => $"{(int)duration.TotalHours} h {duration.Minutes} min",
        _ => $"{(int)duration.TotalDays} d {duration.Hours} h",
    };

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.RetryScheduled => "Waiting for retry",
        _ => status.ToString(),
    };

    public static string StatusClass(RunStatus status) => "status status-" + status.ToString().ToLowerInvariant();

    public static string Retries(FunctionDescriptor function, AttrFanoutOptions options) =>
        options.Functions.TryGetValue(function.Id, out var overrides) && overrides.Retries is { } configured
            ? configured.ToString(CultureInfo.InvariantCulture) + " (configured)"
            : function.Retries is { } retries
                ? retries.ToString(CultureInfo.InvariantCulture)
                : options.DefaultRetries.ToString(CultureInfo.InvariantCulture) + " (default)";

    public static string Timeout(FunctionDescriptor function, AttrFanoutOptions options) =>
        function.Timeout is { } timeout ? Duration(timeout)
        : options.DefaultTimeout is { } fallback ? Duration(fallback) + " (default)"
        : "none";

    public static string Concurrency(FunctionDescriptor function, AttrFanoutOptions options) =>
        function.Concurrency is { } limit
            ? limit.ToString(CultureInfo.InvariantCulture)
            : options.DefaultConcurrency.ToString(CultureInfo.InvariantCulture) + " (default)";
}
