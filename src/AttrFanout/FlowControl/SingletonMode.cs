namespace AttrFanout;

/// <summary>What a <see cref="SingletonAttribute"/> does with a new run while a run of the same key is active.</summary>
public enum SingletonMode
{
    /// <summary>The new run is skipped (recorded as <see cref="RunStatus.Skipped"/>); the active run goes on.</summary>
    Skip,

    /// <summary>The active run is cancelled (its token fires, it ends <see cref="RunStatus.Cancelled"/>) and the new run starts.</summary>
    Cancel,
}
