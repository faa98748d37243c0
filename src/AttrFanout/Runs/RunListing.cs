using AttrFanout.Stores;

namespace AttrFanout.Runs;

/// <summary>Checks listing queries before a store sees them, and completes a store's counts with the app's functions.</summary>
internal static class RunListing
{
    public static void Validate(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ValidatePage(query.Limit, query.Cursor, nameof(query));
    }

    public static void Validate(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ValidatePage(query.Limit, query.Cursor, nameof(query));
    }

    /// <summary>
    /// Adds an entry for each function of the app the store counted no run of: zero where the store counts, unknown
    /// (<see langword="null"/>) for a status the store cannot count or does not keep; orders the entries by function Id.
    /// </summary>
    public static RunCounts Complete(RunCounts counted, FunctionCatalog catalog)
    {
        var byId = counted.Functions.ToDictionary(static c => c.FunctionId, StringComparer.Ordinal);
        var unknown = counted.Incomplete.Where(static g => g.Kind is ListingGapKind.NotSupported or ListingGapKind.NotKept).SelectMany(static g => g.Statuses).ToHashSet();
        foreach (var function in catalog.Functions)
        {
            byId.TryAdd(function.Id, Empty(function.Id, unknown));
        }

        return counted with { Functions = [.. byId.Values.OrderBy(static c => c.FunctionId, StringComparer.Ordinal)] };
    }

    private static FunctionRunCounts Empty(string functionId, HashSet<RunStatus> unknown)
    {
        int? ZeroUnless(RunStatus status) => unknown.Contains(status) ? null : 0;
        return new()
        {
            FunctionId = functionId,
            Pending = ZeroUnless(RunStatus.Pending),
            Running = ZeroUnless(RunStatus.Running),
            RetryScheduled = ZeroUnless(RunStatus.RetryScheduled),
            Succeeded = ZeroUnless(RunStatus.Succeeded),
            Failed = ZeroUnless(RunStatus.Failed),
            Skipped = ZeroUnless(RunStatus.Skipped),
            Cancelled = ZeroUnless(RunStatus.Cancelled),
        };
    }

    private static void ValidatePage(int limit, string? cursor, string parameter)
    {
        if (limit is < 1 or > RunQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(parameter, limit, $"The page size (Limit) must be between 1 and {RunQuery.MaxLimit}.");
        }

        if (cursor is { Length: 0 })
        {
            throw new ArgumentException("The cursor is empty: pass null for the first page, or a NextCursor of the previous page.", parameter);
        }
    }
}
