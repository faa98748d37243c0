using System.ComponentModel.DataAnnotations;

namespace AttrFanout;

/// <summary>Overrides of one function's settings, set in <see cref="AttrFanoutOptions.Functions"/>.</summary>
public sealed class FunctionOptions
{
    /// <summary>Gets or sets how many times a failed run is retried.</summary>
    /// <value>The default is <see langword="null"/>: the attribute's <c>Retries</c>, else <see cref="AttrFanoutOptions.DefaultRetries"/>.</value>
    [Range(0, 1000)]
    public int? Retries { get; set; }

    /// <summary>Gets or sets the time limit of one attempt.</summary>
    /// <value>The default is <see langword="null"/>: the attribute's timeout, else <see cref="AttrFanoutOptions.DefaultTimeout"/>.</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Gets or sets how many runs of the function may execute at once in this process.</summary>
    /// <value>The default is <see langword="null"/>: the attribute's <c>Concurrency</c>, else <see cref="AttrFanoutOptions.DefaultConcurrency"/>.</value>
    [Range(1, 100_000)]
    public int? Concurrency { get; set; }

    /// <summary>Gets or sets the name of the app's own resilience pipeline that each attempt runs through, inside the attempt timeout.</summary>
    /// <value>The default is <see langword="null"/>: the attribute's <c>Pipeline</c>, else none.</value>
    public string? Pipeline { get; set; }

    /// <summary>
    /// Gets or sets the cron expression of a scheduled function, replacing its <see cref="OnScheduleAttribute"/>'s (e.g. a
    /// faster one in development), or <c>off</c> to make no scheduled runs in this app.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the attribute's expression.</value>
    public string? Schedule { get; set; }
}
