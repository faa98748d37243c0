namespace AttrFanout;

/// <summary>Why a listing or a count leaves something out.</summary>
public enum ListingGapKind
{
    /// <summary>The store cannot list or count these at all.</summary>
    NotSupported,

    /// <summary>The store does not keep these once they ended (e.g. succeeded runs under JetStream's interest retention).</summary>
    NotKept,

    /// <summary>The store keeps only the latest of these, up to a bound: older ones may be gone.</summary>
    OldestForgotten,

    /// <summary>The store knows how many there are (see <see cref="IFunctionRuns.CountAsync"/>) but not which.</summary>
    CountedNotListed,

    /// <summary>These live in other processes sharing the store (e.g. runs they are executing) and are not listed here.</summary>
    OtherProcesses,
}
