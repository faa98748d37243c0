using System.Text;
using Xunit.Abstractions;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>The real engine in child processes (tests/AttrFanout.Sqlite.Tests.EngineWorker), killed with SIGKILL and restarted.</summary>
public sealed class EngineCrashTests(ITestOutputHelper output)
{
    private const int Rounds = 4;
    private static readonly string[] Functions = ["crash-charge", "crash-email", "crash-ship"];

    [Fact]
    public async Task Every_event_sent_before_a_kill_has_all_its_runs_completed_after_restarts()
    {
        await using var db = new TestDatabase();
        var ledger = Path.Combine(Path.GetDirectoryName(db.Path)!, "ledger.txt");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var sent = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            using var worker = WorkerProcess.StartEngine("send", db.Path, ledger, $"r{round}");
            var killAfter = random.Next(5, 80);
            for (var i = 0; i < killAfter; i++)
            {
                sent.Add(SentId(await worker.ExpectLineAsync()));
            }

            await worker.KillAsync();
            sent.AddRange((await worker.ReadToEndAsync()).Select(SentId));
        }

        await DrainAsync(db, ledger, workers: 1);

        var (lost, duplicates) = Check(db, ledger, sent);
        output.WriteLine($"seed {seed}: {sent.Count} events sent over {Rounds} kills, {sent.Count * Functions.Length} runs; {duplicates} executed more than once (at-least-once); {lost.Count} lost.");
        Assert.Empty(lost);
    }

    [Fact]
    public async Task Two_processes_draining_one_file_never_execute_a_run_twice()
    {
        await using var db = new TestDatabase(time: TimeProvider.System);
        var ledger = Path.Combine(Path.GetDirectoryName(db.Path)!, "ledger.txt");
        var ids = new List<string>();
        await using (var raw = db.Open())
        {
            for (var i = 0; i < 300; i++)
            {
                ids.Add($"order-{i}");
                await raw.AcceptAsync(new EventToAccept(ids[^1], "crash/order", DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes($"{{\"Number\":{i}}}"), [.. Functions.Select(f => new RunToCreate(f, 5))]));
            }
        }

        await DrainAsync(db, ledger, workers: 2, "30000");

        var (lost, duplicates) = Check(db, ledger, ids);
        var processes = LedgerLines(ledger).Select(line => line.Split(' ')[3]).Distinct().Count();
        output.WriteLine($"{ids.Count * Functions.Length} runs executed by {processes} processes; {duplicates} executed twice.");
        Assert.Empty(lost);
        Assert.Equal(0, duplicates);
    }

    private static async Task DrainAsync(TestDatabase db, string ledger, int workers, string leaseMs = "1000")
    {
        var drains = Enumerable.Range(0, workers).Select(_ => WorkerProcess.StartEngine("drain", db.Path, ledger, leaseMs)).ToArray();
        try
        {
            foreach (var drain in drains)
            {
                Assert.Equal("drained", await drain.ExpectLineAsync());
                Assert.Equal(0, await drain.WaitForExitAsync());
            }
        }
        finally
        {
            foreach (var drain in drains)
            {
                drain.Dispose();
            }
        }
    }

    /// <summary>The execution lines of every worker process, each of which writes its own <c>&lt;ledger&gt;.&lt;pid&gt;</c> file.</summary>
    private static IEnumerable<string> LedgerLines(string ledger) =>
        Directory.GetFiles(Path.GetDirectoryName(ledger)!, Path.GetFileName(ledger) + ".*").SelectMany(File.ReadLines);

    private static (List<string> Lost, int Duplicates) Check(TestDatabase db, string ledger, IReadOnlyCollection<string> eventIds)
    {
        var executions = LedgerLines(ledger).Select(line => line.Split(' ')).GroupBy(parts => parts[2]).ToDictionary(g => g.Key, g => g.Count());
        var lost = new List<string>();
        using var connection = db.OpenRaw();
        foreach (var eventId in eventIds)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT r.id, r.function_id, r.status FROM runs r JOIN events e ON e.seq = r.event_seq WHERE e.id = $id ORDER BY r.function_id";
            command.Parameters.AddWithValue("$id", eventId);
            using var reader = command.ExecuteReader();
            var functions = new List<string>();
            while (reader.Read())
            {
                functions.Add(reader.GetString(1));
                if (reader.GetInt32(2) != (int)StoredRunStatus.Succeeded || !executions.ContainsKey(reader.GetString(0)))
                {
                    lost.Add($"{eventId}/{reader.GetString(1)} (status {reader.GetInt32(2)})");
                }
            }

            if (!functions.SequenceEqual(Functions))
            {
                lost.Add($"{eventId}: runs of [{string.Join(", ", functions)}]");
            }
        }

        return (lost, executions.Values.Count(count => count > 1));
    }

    private static string SentId(string line) =>
        line.StartsWith("sent ", StringComparison.Ordinal) ? line[5..] : throw new InvalidOperationException($"Unexpected worker line '{line}'.");
}
