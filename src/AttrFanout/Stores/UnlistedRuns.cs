namespace AttrFanout.Stores;

/// <summary>The answers of a store that cannot list runs or events, nor count them: empty, and saying so.</summary>
internal static class UnlistedRuns
{
    private static readonly RunStatus[] AllStatuses =
        [RunStatus.Pending, RunStatus.Running, RunStatus.RetryScheduled, RunStatus.Succeeded, RunStatus.Failed, RunStatus.Skipped, RunStatus.Cancelled];

    public static ListingGap Gap(IFanoutStore store) =>
        new(ListingGapKind.NotSupported, $"the store {store.GetType().Name} cannot list or count runs", AllStatuses);

    public static RunPage Runs(IFanoutStore store) => new() { Runs = [], Incomplete = [Gap(store)] };

    public static EventPage Events(IFanoutStore store) => new() { Events = [], Incomplete = [Gap(store)] };

    public static RunCounts Counts(IFanoutStore store) => new() { Functions = [], Incomplete = [Gap(store)] };
}
