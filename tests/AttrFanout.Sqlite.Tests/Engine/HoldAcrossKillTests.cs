using Xunit.Abstractions;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>
/// A process holding a debounce and a partial batch (tests/AttrFanout.Sqlite.Tests.EngineWorker, mode <c>hold</c>) is
/// SIGKILLed before either is due; another process (mode <c>holddrain</c>) on the same file runs both, once each.
/// </summary>
public sealed class HoldAcrossKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_debounce_and_a_partial_batch_held_by_a_killed_process_run_once_in_another()
    {
        await using var db = new TestDatabase(time: TimeProvider.System);
        var ledger = Path.Combine(Path.GetDirectoryName(db.Path)!, "ledger.txt");

        using (var doomed = WorkerProcess.StartEngine("hold", db.Path, ledger))
        {
            Assert.Equal("held", await doomed.ExpectLineAsync());
            await doomed.KillAsync();
        }

        using (var connection = db.OpenRaw())
        {
            Assert.Equal(["hold-clicks 2", "hold-doc 1"], SchemaTests.Strings(connection, "SELECT function_id || ' ' || json_array_length(content, '$.events') FROM event_holds ORDER BY function_id"));
        }

        Assert.Empty(Runs(ledger));
        using var survivor = WorkerProcess.StartEngine("holddrain", db.Path, ledger);
        Assert.Contains("drained", await survivor.ReadToEndAsync(maxLines: 50));
        Assert.Equal(0, await survivor.WaitForExitAsync());

        var runs = Runs(ledger);
        output.WriteLine(string.Join('\n', runs));
        Assert.Equal(2, runs.Count);
        Assert.Contains(runs, r => r.StartsWith("ran hold-doc r3 ", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("ran hold-clicks click-1,click-2 ", StringComparison.Ordinal));
        Assert.All(runs, r => Assert.EndsWith(" " + survivor.Id, r));
        using (var connection = db.OpenRaw())
        {
            Assert.Empty(SchemaTests.Strings(connection, "SELECT function_id FROM event_holds"));
        }
    }

    private static List<string> Runs(string ledger) =>
        [.. Directory.GetFiles(Path.GetDirectoryName(ledger)!, Path.GetFileName(ledger) + ".*").SelectMany(File.ReadAllLines).Where(static l => l.StartsWith("ran ", StringComparison.Ordinal))];
}
