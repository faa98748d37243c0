namespace AttrFanout.Cli.Targets;

/// <summary>What the commands read and change: a SQLite file, a NATS server, or an app's dashboard.</summary>
internal interface ITarget : IAsyncDisposable
{
    /// <summary>Gets what the target is, for messages, e.g. <c>SQLite file /srv/app.db</c>; never with a secret.</summary>
    string Name { get; }

    /// <summary>Lists the functions as far as the target knows them.</summary>
    Task<FunctionListing> ListFunctionsAsync(CancellationToken cancellationToken);

    /// <summary>Lists one page of runs.</summary>
    Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>Gets a run; <see langword="null"/> when unknown.</summary>
    Task<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Lists failed runs not yet replayed.</summary>
    Task<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken);

    /// <summary>Replays a failed run; <see langword="null"/> when no failed run that can be replayed has the Id.</summary>
    Task<FunctionRun?> ReplayAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Replays every failed run that matches.</summary>
    Task<ReplayResult> ReplayAsync(FailedRunQuery query, CancellationToken cancellationToken);

    /// <summary>Cancels a run; <see langword="null"/> when unknown.</summary>
    Task<FunctionRun?> CancelAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Sends an event.</summary>
    Task<SentEvent> SendAsync(OutgoingEvent evt, CancellationToken cancellationToken);
}
