namespace AttrFanout.Triggers;

/// <summary>
/// What a function's debounce or batch decides, the same for every store: what an added event does to the hold, when the
/// hold is due, and which of its events the next run takes.
/// </summary>
internal sealed class HoldRule
{
    private HoldRule(FunctionDescriptor function, DebounceRule? debounce, BatchRule? batch)
    {
        Function = function;
        Debounce = debounce;
        Batch = batch;
        EventName = batch is null ? HoldNames.Debounce(function.Id) : HoldNames.Batch(function.Id);
    }

    public FunctionDescriptor Function { get; }

    public DebounceRule? Debounce { get; }

    public BatchRule? Batch { get; }

    /// <summary>Gets the name of the event that starts the hold's run.</summary>
    public string EventName { get; }

    /// <summary>Gets <c>debounce</c> or <c>batch</c>, for Ids, logs and metrics.</summary>
    public string Kind => Batch is null ? "debounce" : "batch";

    /// <summary>Gets the attribute, for reasons and logs.</summary>
    public string Attribute => Batch is null ? "[Debounce]" : "[Batch]";

    public static HoldRule? For(FunctionDescriptor function) =>
        function.Debounce is { } debounce ? new HoldRule(function, debounce, null)
        : function.Batch is { } batch ? new HoldRule(function, null, batch)
        : null;

    /// <summary>
    /// Adds <paramref name="incoming"/> to <paramref name="current"/>: the new content, or <see langword="null"/> when the
    /// event changes nothing (already held, or older than the debounce's held event); <paramref name="reason"/> says which.
    /// </summary>
    public HeldEvents? Add(HeldEvents? current, HeldEvent incoming, out string reason)
    {
        if (current is not null)
        {
            foreach (var held in current.Events)
            {
                if (held.Id == incoming.Id)
                {
                    reason = "already held";
                    return null;
                }
            }
        }

        if (Batch is null)
        {
            if (current is { Events: [var held, ..] } && IsOlder(incoming, held))
            {
                reason = $"ignored: older than the held event '{held.Id}'";
                return null;
            }

            reason = "held";
            return new HeldEvents(current?.Since ?? incoming.HeldAt, [incoming]);
        }

        reason = "held";
        IReadOnlyList<HeldEvent> events = [.. (current?.Events ?? []).Append(incoming).OrderBy(static e => e.Timestamp).ThenBy(static e => e.Sequence)];
        return new HeldEvents(current?.Since ?? incoming.HeldAt, events);
    }

    /// <summary>
    /// Whether <paramref name="incoming"/> came before <paramref name="held"/>: by timestamp, then, for two events of one
    /// instant, by their position in the store (when both know it), so the last event wins whichever run is taken first.
    /// </summary>
    private static bool IsOlder(HeldEvent incoming, HeldEvent held) =>
        incoming.Timestamp < held.Timestamp
        || (incoming.Timestamp == held.Timestamp && incoming.Sequence != 0 && held.Sequence != 0 && incoming.Sequence < held.Sequence);

    /// <summary>Gets when the run of <paramref name="content"/> is due.</summary>
    public DateTimeOffset DueAt(HeldEvents content)
    {
        if (content.Events.Count == 0)
        {
            return content.Since;
        }

        if (Debounce is { } debounce)
        {
            var quiet = content.Events[^1].HeldAt + debounce.Period;
            return debounce.MaxWait is { } maxWait && content.Since + maxWait < quiet ? content.Since + maxWait : quiet;
        }

        var first = content.Events.Min(static e => e.HeldAt);
        return IsFull(content) ? first : first + Batch!.Timeout;
    }

    /// <summary>
    /// Gets the events the next run takes: a debounce's one event; a batch's oldest (by timestamp, then position in the
    /// store), up to its size and bytes (at least one).
    /// </summary>
    public IReadOnlyList<HeldEvent> Take(HeldEvents content)
    {
        if (Batch is not { } batch)
        {
            return content.Events.Count == 0 ? [] : [content.Events[^1]];
        }

        var bytes = 0L;
        var count = 0;
        foreach (var held in content.Events)
        {
            if (count == batch.MaxSize || (count > 0 && bytes + held.Bytes > batch.MaxBytes))
            {
                break;
            }

            bytes += held.Bytes;
            count++;
        }

        return [.. content.Events.Take(count)];
    }

    /// <summary>Removes <paramref name="taken"/> from <paramref name="content"/>; <see langword="null"/> when nothing is left.</summary>
    public static HeldEvents? Without(HeldEvents content, IReadOnlyList<HeldEvent> taken)
    {
        var ids = new HashSet<string>(taken.Select(static e => e.Id), StringComparer.Ordinal);
        var left = content.Events.Where(e => !ids.Contains(e.Id)).ToArray();
        return left.Length == 0 ? null : new HeldEvents(left.Min(static e => e.HeldAt), left);
    }

    private bool IsFull(HeldEvents content)
    {
        var taken = Take(content).Count;
        return taken < content.Events.Count || taken >= Batch!.MaxSize || content.Events.Take(taken).Sum(static e => (long)e.Bytes) >= Batch.MaxBytes;
    }
}
