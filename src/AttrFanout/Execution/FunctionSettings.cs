namespace AttrFanout.Execution;

/// <summary>One function's effective settings: the configured override, else the attribute, else the default.</summary>
/// <param name="MaxAttempts">Attempts per run (retries + 1).</param>
/// <param name="Timeout">The time limit of one attempt, or <see langword="null"/> for none.</param>
/// <param name="Concurrency">Runs of the function at once, or <see langword="null"/> for only the global limit.</param>
internal sealed record FunctionSettings(int MaxAttempts, TimeSpan? Timeout, int? Concurrency)
{
    public static FunctionSettings Resolve(FunctionDescriptor function, AttrFanoutOptions options)
    {
        options.Functions.TryGetValue(function.Id, out var overrides);
        var retries = overrides?.Retries ?? function.Retries ?? options.DefaultRetries;
        var timeout = overrides?.Timeout ?? function.Timeout ?? options.DefaultTimeout;
        var concurrency = overrides?.Concurrency ?? function.Concurrency;
        return new FunctionSettings(retries + 1, timeout, concurrency);
    }
}
