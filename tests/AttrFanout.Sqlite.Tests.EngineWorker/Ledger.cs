namespace AttrFanout.Sqlite.Tests.EngineWorker;

/// <summary>
/// Append-only files of executions: one line "function event run pid" each, written before the function returns,
/// one file per process (<c>&lt;path&gt;.&lt;pid&gt;</c>) because appends from two processes to one file can overwrite each other.
/// </summary>
public static class Ledger
{
    private static readonly Lock Gate = new();

    public static string Path { get; set; } = "";

    public static async Task RecordAsync(FunctionContext context)
    {
        await Task.Yield();
        Append($"{context.FunctionId} {context.EventId} {context.RunId} {Environment.ProcessId}\n");
    }

    public static void Append(string line)
    {
        lock (Gate)
        {
            File.AppendAllText($"{Path}.{Environment.ProcessId}", line);
        }
    }
}
