using System.Globalization;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// Checks a schedule's cron expression at build time, field by field, with the syntax the runtime's cron library (Cronos)
/// accepts: 5 fields, or 6 with seconds first; <c>*</c>, <c>?</c>, values, ranges, steps and lists; month and day names;
/// <c>L</c>, <c>W</c> and <c>#</c> where they apply; and the <c>@</c> macros.
/// </summary>
internal static class CronSyntax
{
    private static readonly string[] Macros =
        ["@every_second", "@every_minute", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually"];

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private enum Field
    {
        Second,
        Minute,
        Hour,
        DayOfMonth,
        Month,
        DayOfWeek,
    }

    /// <summary>Why <paramref name="cron"/> is not a valid expression, naming the field; null when it is valid.</summary>
    public static string? Problem(string? cron)
    {
        if (cron is null || cron.Trim().Length == 0)
        {
            return "the expression is empty";
        }

        var text = cron.Trim();
        if (text[0] == '@')
        {
            return Macros.Contains(text.ToLowerInvariant()) ? null : $"'{text}' is not a known macro; use one of {string.Join(", ", Macros)}";
        }

        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        Field[] fields = parts.Length switch
        {
            5 => [Field.Minute, Field.Hour, Field.DayOfMonth, Field.Month, Field.DayOfWeek],
            6 => [Field.Second, Field.Minute, Field.Hour, Field.DayOfMonth, Field.Month, Field.DayOfWeek],
            _ => [],
        };
        if (fields.Length == 0)
        {
            return $"it has {parts.Length} field{(parts.Length == 1 ? "" : "s")}; use 5 (minute hour day-of-month month day-of-week) or 6 with seconds first";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (FieldProblem(fields[i], parts[i]) is { } problem)
            {
                return $"the {Describe(fields[i])} field '{parts[i]}' {problem}";
            }
        }

        return null;
    }

    private static string? FieldProblem(Field field, string text)
    {
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                return "has an empty list item";
            }

            if (ItemProblem(field, item.ToUpperInvariant()) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ItemProblem(Field field, string item)
    {
        if (item == "?")
        {
            return field is Field.DayOfMonth or Field.DayOfWeek ? null : "uses '?', which only day-of-month and day-of-week allow";
        }

        if (field == Field.DayOfMonth && (item is "L" or "LW" || (item.StartsWith("L-", StringComparison.Ordinal) && IsNumberIn(item.Substring(2), 0, 30))))
        {
            return null;
        }

        if (field == Field.DayOfMonth && item.EndsWith("W", StringComparison.Ordinal))
        {
            return IsNumberIn(item.Substring(0, item.Length - 1), 1, 31) ? null : "has a 'W' that does not follow a day 1-31";
        }

        if (field == Field.DayOfWeek && item.EndsWith("L", StringComparison.Ordinal) && item.Length > 1)
        {
            return Value(field, item.Substring(0, item.Length - 1)) is null ? "has an 'L' that does not follow a day of the week" : null;
        }

        if (field == Field.DayOfWeek && item.IndexOf('#') is var hash and > 0)
        {
            return Value(field, item.Substring(0, hash)) is not null && IsNumberIn(item.Substring(hash + 1), 1, 5)
                ? null
                : "has a '#' that is not 'day#n' with n from 1 to 5";
        }

        var slash = item.IndexOf('/');
        var range = slash < 0 ? item : item.Substring(0, slash);
        if (slash >= 0 && !IsNumberIn(item.Substring(slash + 1), 1, Max(field)))
        {
            return $"has the step '{item.Substring(slash + 1)}', which is not a number from 1 to {Max(field)}";
        }

        if (range == "*")
        {
            return null;
        }

        var dash = range.IndexOf('-');
        var first = Value(field, dash < 0 ? range : range.Substring(0, dash));
        if (first is null)
        {
            return OutOfRange(field, dash < 0 ? range : range.Substring(0, dash));
        }

        if (dash < 0)
        {
            return null;
        }

        var last = Value(field, range.Substring(dash + 1));
        return last is null ? OutOfRange(field, range.Substring(dash + 1)) : null;
    }

    private static string OutOfRange(Field field, string value) =>
        $"has '{value}', which is not {field switch
        {
            Field.Month => "a month (1-12 or JAN-DEC)",
            Field.DayOfWeek => "a day of the week (0-7 or SUN-SAT)",
            _ => $"a number from {Min(field)} to {Max(field)}",
        }}";

    private static int? Value(Field field, string text)
    {
        if (field == Field.Month && Array.IndexOf(MonthNames, text) is var month and >= 0)
        {
            return month + 1;
        }

        if (field == Field.DayOfWeek && Array.IndexOf(DayNames, text) is var day and >= 0)
        {
            return day;
        }

        return IsNumberIn(text, Min(field), Max(field)) ? int.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsNumberIn(string text, int min, int max) =>
        text.Length is > 0 and <= 4 && text.All(char.IsDigit) &&
        int.Parse(text, CultureInfo.InvariantCulture) is var value && value >= min && value <= max;

    private static int Min(Field field) => field is Field.DayOfMonth or Field.Month ? 1 : 0;

    private static int Max(Field field) => field switch
    {
        Field.Second or Field.Minute => 59,
        Field.Hour => 23,
        Field.DayOfMonth => 31,
        Field.Month => 12,
        _ => 7,
    };

    private static string Describe(Field field) => field switch
    {
        Field.Second => "second",
        Field.Minute => "minute",
        Field.Hour => "hour",
        Field.DayOfMonth => "day-of-month",
        Field.Month => "month",
        _ => "day-of-week",
    };
}
