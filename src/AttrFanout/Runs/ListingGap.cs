namespace AttrFanout;

/// <summary>Something a listing or a count leaves out because the store cannot know it, said instead of left out silently.</summary>
/// <param name="Kind">What kind of gap it is.</param>
/// <param name="Reason">What is left out and why, in words a dashboard can show, e.g. <c>succeeded runs are not kept by JetStream</c>.</param>
/// <param name="Statuses">The statuses of the runs left out; empty when the gap is not about a status (e.g. events).</param>
public sealed record ListingGap(ListingGapKind Kind, string Reason, IReadOnlyList<RunStatus> Statuses);
