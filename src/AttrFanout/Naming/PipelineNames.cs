namespace AttrFanout;

/// <summary>
/// The rule for the name of an app's resilience pipeline set on a function, shared by the runtime's option checks and the
/// compile-time analyzer: any name the app could register, but never one no registration is likely to match.
/// </summary>
internal static class PipelineNames
{
    /// <summary>Describes the allowed form of a pipeline name, for error messages.</summary>
    public const string Rule = "a name registered with services.AddResiliencePipeline(\"name\", ...): not empty, without whitespace at either end or control characters";

    /// <summary>Returns why <paramref name="name"/> cannot name a pipeline, or <see langword="null"/> when it can (or is not set).</summary>
    /// <param name="name">The pipeline name as written.</param>
    public static string? Problem(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (name.Trim().Length == 0)
        {
            return name.Length == 0 ? "it is empty" : "it is only whitespace";
        }

        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[name.Length - 1]))
        {
            return "it starts or ends with whitespace";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }
        }

        return null;
    }
}
