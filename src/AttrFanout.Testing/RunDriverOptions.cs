namespace AttrFanout.Testing;

/// <summary>Bounds on how long <see cref="FanoutTestHarness"/> drives runs before giving up.</summary>
public sealed class RunDriverOptions
{
    /// <summary>Gets or sets the most fake time the harness may advance while driving one set of runs.</summary>
    /// <value>The default is 24 hours, enough for any default retry schedule.</value>
    public TimeSpan MaxSimulatedTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets the most real time to wait for handlers to make progress; it only guards against hangs.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan MaxRealTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the most events a <see cref="FanoutSession"/> follows before it stops with a
    /// <see cref="CascadeLimitExceededException"/> naming the loop.
    /// </summary>
    /// <value>The default is 1000.</value>
    public int MaxCascadeEvents { get; set; } = 1_000;
}
