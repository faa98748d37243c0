namespace AttrFanout.Stores;

/// <summary>
/// One function's effective settings: the configured override (<c>AttrFanout:Functions:&lt;id&gt;</c>), else the
/// <c>[OnEvent]</c> attribute, else the default. Stores that map settings onto their own (attempt counts, ack waits)
/// resolve them here so they always agree with the engine.
/// </summary>
/// <param name="MaxAttempts">Attempts per run (retries + 1).</param>
/// <param name="Timeout">The time limit of one attempt, or <see langword="null"/> for none.</param>
/// <param name="Concurrency">Attempts of the function executing at once in one process.</param>
public sealed record FunctionSettings(int MaxAttempts, TimeSpan? Timeout, int Concurrency)
{
    /// <summary>Resolves the effective settings of <paramref name="function"/> under <paramref name="options"/>.</summary>
    /// <param name="function">The function.</param>
    /// <param name="options">The runtime's options.</param>
    /// <returns>The settings the engine runs the function with.</returns>
    public static FunctionSettings Resolve(FunctionDescriptor function, AttrFanoutOptions options)
    {
        options.Functions.TryGetValue(function.Id, out var overrides);
        var retries = overrides?.Retries ?? function.Retries ?? options.DefaultRetries;
        var timeout = overrides?.Timeout ?? function.Timeout ?? options.DefaultTimeout;
        var concurrency = overrides?.Concurrency ?? function.Concurrency ?? options.DefaultConcurrency;
        var pipeline = overrides?.Pipeline ?? function.Pipeline;
        return new FunctionSettings(retries + 1, timeout, concurrency) { Pipeline = pipeline };
    }

    /// <summary>Gets the name of the app's resilience pipeline each attempt runs through, or <see langword="null"/> for none.</summary>
    public string? Pipeline { get; init; }
}
