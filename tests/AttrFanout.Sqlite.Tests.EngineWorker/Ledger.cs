namespace AttrFanout.Sqlite.Tests.EngineWorker;

/// <summary>An append-only file of executions: one line "function event run pid" each, written before the function returns.</summary>
public static class Ledger
{
    private static readonly Lock Gate = new();

    public static string Path { get; set; } = "";

    public static async Task RecordAsync(FunctionContext context)
    {
        await Task.Yield();
        var line = $"{context.FunctionId} {context.EventId} {context.RunId} {Environment.ProcessId}\n";
        lock (Gate)
        {
            File.AppendAllText(Path, line);
        }
    }
}
