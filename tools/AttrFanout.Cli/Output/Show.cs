using System.Globalization;

namespace AttrFanout.Cli.Output;

/// <summary>How values read in the tool's tables.</summary>
internal static class Show
{
    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "?";

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.RetryScheduled => "retry-scheduled",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Error(FunctionRun run, int width)
    {
        var text = run.ErrorType is null ? run.Reason ?? "" : $"{ShortType(run.ErrorType)}: {run.ErrorMessage}";
        text = text.ReplaceLineEndings(" ");
        return text.Length > width ? text[..(width - 1)] + "…" : text;
    }

    private static string ShortType(string type) => type[(type.LastIndexOf('.') + 1)..];
}
