using System.Globalization;
using System.Text;
using AttrFanout.FlowControl;
using Xunit.Abstractions;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>
/// Three engine processes (tests/AttrFanout.Sqlite.Tests.EngineWorker, mode <c>flow</c>) on one file, a function limited to
/// two executions per key, one process SIGKILLed while it executes runs (holding their slots).
/// </summary>
public sealed class FlowControlAcrossProcessesTests(ITestOutputHelper output)
{
    private const string FunctionId = "flow-keyed";
    private const int Limit = 2;
    private const int JobsPerKey = 16;
    private static readonly string[] Keys = ["acct-1", "acct-2", "acct-3"];
    private static readonly TimeSpan FlowControlLease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_per_key_limit_holds_across_three_processes_and_a_kill_and_every_run_completes()
    {
        await using var db = new TestDatabase(time: TimeProvider.System);
        var ledger = Path.Combine(Path.GetDirectoryName(db.Path)!, "ledger.txt");
        var runIds = await AcceptJobsAsync(db);

        using var doomed = WorkerProcess.StartEngine("flow", db.Path, ledger, "announce");
        using var first = WorkerProcess.StartEngine("flow", db.Path, ledger, "announce");
        using var second = WorkerProcess.StartEngine("flow", db.Path, ledger, "announce");

        await KillWhileExecutingAsync(doomed);
        var killedAt = DateTime.UtcNow;
        var cutOff = Executions(ledger).Where(e => e.Pid == doomed.Id).GroupBy(e => e.RunId).Where(g => g.All(e => e.What == "start")).Select(g => g.Key).ToList();
        var leasesOfTheKilled = SlotLeases(db, cutOff);

        foreach (var survivor in new[] { first, second })
        {
            Assert.Contains("drained", await survivor.ReadToEndAsync(maxLines: 200));
            Assert.Equal(0, await survivor.WaitForExitAsync());
        }

        var executions = Executions(ledger);
        output.WriteLine($"{runIds.Count} runs; the killed process was executing {cutOff.Count}; {executions.Count(e => e.What == "start")} starts over {executions.Select(e => e.Pid).Distinct().Count()} processes");
        Assert.NotEmpty(cutOff);
        Assert.Equal(3, executions.Select(e => e.Pid).Distinct().Count());
        Assert.All(leasesOfTheKilled, lease => Assert.True(lease.Until <= killedAt + FlowControlLease, $"the killed holder {lease.Holder} kept slot {lease.Slot} until {lease.Until:O}, past {killedAt + FlowControlLease:O}"));

        foreach (var key in Keys)
        {
            var most = MostAtOnce(executions.Where(e => e.Key == key), killedAt);
            output.WriteLine($"{key}: at most {most} at once");
            Assert.InRange(most, 1, Limit);
        }

        Assert.Contains(Keys, key => MostAtOnce(executions.Where(e => e.Key == key), killedAt) == Limit);
        var ended = executions.Where(e => e.What == "end").Select(e => e.RunId).ToHashSet();
        Assert.All(runIds, runId => Assert.Contains(runId, ended));
        Assert.All(cutOff, runId => Assert.Contains(executions, e => e.RunId == runId && e.What == "end" && e.Pid != doomed.Id));
        using var connection = db.OpenRaw();
        Assert.Equal([$"{(int)StoredRunStatus.Succeeded} {runIds.Count}"], SchemaTests.Strings(connection, "SELECT status || ' ' || COUNT(*) FROM runs GROUP BY status"));
    }

    /// <summary>Kills the worker right after it announced a start less than half the job's work ago, so it dies executing it.</summary>
    private static async Task KillWhileExecutingAsync(WorkerProcess worker)
    {
        while (true)
        {
            var line = await worker.ExpectLineAsync();
            Assert.StartsWith("started ", line);
            var startedAt = new DateTime(long.Parse(line.Split(' ')[3], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            if (DateTime.UtcNow - startedAt < TimeSpan.FromMilliseconds(500))
            {
                await worker.KillAsync();
                return;
            }
        }
    }

    private static async Task<List<string>> AcceptJobsAsync(TestDatabase db)
    {
        var runIds = new List<string>();
        await using var store = db.Open();
        for (var i = 0; i < JobsPerKey; i++)
        {
            foreach (var key in Keys)
            {
                var payload = Encoding.UTF8.GetBytes($"{{\"Key\":\"{key}\",\"Number\":{i}}}");
                var run = new RunToCreate(FunctionId, 5) { Keys = new RunKeys { Concurrency = key }.Encode() };
                runIds.Add((await store.AcceptAsync(new EventToAccept($"job-{key}-{i}", "flow/keyed", DateTimeOffset.UtcNow, payload, [run]))).RunIds[0]);
            }
        }

        return runIds;
    }

    /// <summary>The most executions of one key at once: a start counts until its end, or until the kill when it has none.</summary>
    private static int MostAtOnce(IEnumerable<Execution> executions, DateTime killedAt)
    {
        var steps = new List<(long Ticks, int Change)>();
        foreach (var run in executions.GroupBy(e => (e.RunId, e.Pid)))
        {
            foreach (var start in run.Where(e => e.What == "start"))
            {
                steps.Add((start.Ticks, 1));
            }

            var ends = run.Where(e => e.What == "end").ToList();
            steps.AddRange(ends.Select(end => (end.Ticks, -1)));
            if (ends.Count < run.Count(e => e.What == "start"))
            {
                steps.Add((killedAt.Ticks, -1));
            }
        }

        var current = 0;
        var most = 0;
        foreach (var step in steps.OrderBy(s => s.Ticks).ThenBy(s => s.Change))
        {
            current += step.Change;
            most = Math.Max(most, current);
        }

        return most;
    }

    private static List<(string Slot, string Holder, DateTime Until)> SlotLeases(TestDatabase db, IReadOnlyCollection<string> holders)
    {
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT slot, holder, lease_until FROM flow_slots";
        using var reader = command.ExecuteReader();
        var leases = new List<(string, string, DateTime)>();
        while (reader.Read())
        {
            if (holders.Contains(reader.GetString(1)))
            {
                leases.Add((reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime));
            }
        }

        return leases;
    }

    /// <summary>The execution lines of every worker, each in its own <c>&lt;ledger&gt;.&lt;pid&gt;</c> file; a line the kill cut short is left out.</summary>
    private static List<Execution> Executions(string ledger) =>
        [.. Directory.GetFiles(Path.GetDirectoryName(ledger)!, Path.GetFileName(ledger) + ".*")
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 5)
            .Select(parts => new Execution(parts[0], parts[1], parts[2], long.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture)))];

    private sealed record Execution(string What, string RunId, string Key, long Ticks, int Pid);
}
