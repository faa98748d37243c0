using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Cli.Targets;

/// <summary>
/// A store opened directly (a SQLite file, a NATS server) through AttrFanout's own runs API, with no function of its
/// own: it reads and steers the runs an app keeps there, and executes none.
/// </summary>
internal abstract class StoreTarget(ServiceProvider services, string name) : ITarget
{
    private IFunctionRuns Runs => services.GetRequiredService<IFunctionRuns>();

    public string Name => name;

    /// <summary>Gets the words for the functions note, e.g. <c>the file</c>.</summary>
    protected abstract string Holder { get; }

    /// <summary>
    /// Functions known by their runs: the counts name every function with runs, and the recent runs name their events;
    /// a function without runs here, and the settings of each, only the app knows.
    /// </summary>
    public async Task<FunctionListing> ListFunctionsAsync(CancellationToken cancellationToken)
    {
        var counts = await Runs.CountAsync(cancellationToken).ConfigureAwait(false);
        var recent = await Runs.ListAsync(new RunQuery { Limit = RunQuery.MaxLimit }, cancellationToken).ConfigureAwait(false);
        var events = recent.Runs
            .GroupBy(static r => r.FunctionId, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => (IReadOnlyList<string>)g.Select(static r => r.EventName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var byId = counts.Functions.ToDictionary(static c => c.FunctionId, StringComparer.Ordinal);
        var functions = byId.Keys.Union(events.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => new FunctionInfo(id, events.GetValueOrDefault(id) ?? [], Retries: null, byId.GetValueOrDefault(id)))
            .ToList();
        List<string> notes =
        [
            $"Functions are known here by the runs {Holder} keeps: a function with no run is not listed, triggers are the events of recent runs, and retries are the app's. The app's dashboard (--url) lists every function with its settings.",
            .. counts.Incomplete.Select(static g => g.Reason),
        ];
        return new FunctionListing(functions, notes);
    }

    public async Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken) =>
        await Runs.ListAsync(query, cancellationToken).ConfigureAwait(false);

    public async Task<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        await Runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken) =>
        await Runs.ListFailedAsync(query, cancellationToken).ConfigureAwait(false);

    public async Task<FunctionRun?> ReplayAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            return await Runs.ReplayAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public async Task<ReplayResult> ReplayAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        var replays = await Runs.ReplayAsync(query, cancellationToken).ConfigureAwait(false);
        return new ReplayResult(replays.Count, replays);
    }

    public async Task<FunctionRun?> CancelAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            return await Runs.CancelAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException e)
        {
            throw CliException.Failed($"{Name} cannot cancel runs: {e.Message}");
        }
    }

    public abstract Task<SentEvent> SendAsync(OutgoingEvent evt, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync() => services.DisposeAsync();

    /// <summary>The services of a runs API over the store <paramref name="useStore"/> sets, with no function and no log output.</summary>
    protected static ServiceProvider Services(Action<AttrFanoutOptions> useStore)
    {
        var services = new ServiceCollection();
        AttrFanoutRegistration.AddAttrFanoutCore(services, [], useStore);
        return services.BuildServiceProvider();
    }
}
