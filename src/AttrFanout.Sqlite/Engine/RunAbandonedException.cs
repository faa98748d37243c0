namespace AttrFanout.Sqlite.Engine;

/// <summary>A run whose attempt was taken too many times by processes that died before finishing it.</summary>
internal sealed class RunAbandonedException(string runId, string functionId, string eventName, int attempt, int leases)
    : Exception($"Run '{runId}' of function '{functionId}' (event '{eventName}') was taken {leases} times for attempt {attempt} and its process " +
                $"died every time before the attempt finished, more than SqliteStoreOptions.MaxLeasesPerAttempt allows. The run is failed so it " +
                $"cannot keep crashing workers; fix the cause (e.g. the function exhausts memory or exits the process) and replay it.");
