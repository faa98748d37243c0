using System.Globalization;
using Xunit.Abstractions;

namespace AttrFanout.Sqlite.Tests;

public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Rounds = 5;
    private const int ResendBeyondLastReported = 10;

    [Fact]
    public async Task Every_event_reported_accepted_survives_repeated_kills_with_all_its_runs_and_resends_are_duplicates()
    {
        await using var db = new TestDatabase();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var reported = new HashSet<string>();
        var notDeduplicated = new List<string>();
        var (resentDuplicates, resentNew) = (0, 0);
        var previousHighest = -1;

        for (var round = 0; round < Rounds; round++)
        {
            var resendCount = round == 0 ? 0 : previousHighest + 1 + ResendBeyondLastReported;
            using var worker = WorkerProcess.Start("accept", db.Path, $"r{round}", "8", $"r{round - 1}", resendCount.ToString(CultureInfo.InvariantCulture));
            string line;
            while ((line = await worker.ExpectLineAsync()) != "ready")
            {
                var (id, duplicate) = Resent(line);
                if (duplicate)
                {
                    resentDuplicates++;
                }
                else
                {
                    resentNew++;
                    if (reported.Contains(id))
                    {
                        notDeduplicated.Add(id);
                    }
                }
            }

            var killAfter = random.Next(1, 400);
            var accepted = new List<string>();
            while (accepted.Count < killAfter)
            {
                accepted.Add(Accepted(await worker.ExpectLineAsync()));
            }

            await worker.KillAsync();
            accepted.AddRange((await worker.ReadToEndAsync()).Select(Accepted));
            Assert.All(accepted, id => Assert.True(reported.Add(id), $"{id} reported twice"));
            previousHighest = accepted.Max(id => int.Parse(id[(id.IndexOf('-') + 1)..], CultureInfo.InvariantCulture));
        }

        var store = db.Open();
        var lost = new List<string>();
        foreach (var eventId in reported)
        {
            var runs = await store.GetRunsOfEventAsync(eventId);
            if (!runs.Select(r => r.FunctionId).Order().SequenceEqual(["f-a", "f-b", "f-c"]))
            {
                lost.Add($"{eventId} ({runs.Count} runs)");
            }
        }

        using var connection = db.OpenRaw();
        var duplicates = SchemaTests.Strings(connection, "SELECT id FROM events GROUP BY id HAVING COUNT(*) > 1");
        var partial = SchemaTests.Strings(connection, "SELECT e.id FROM events e LEFT JOIN runs r ON r.event_seq = e.seq GROUP BY e.seq HAVING COUNT(r.id) <> 3");
        var stored = (long)SchemaTests.Scalar(connection, "SELECT COUNT(*) FROM events")!;
        output.WriteLine(
            $"seed {seed}: {reported.Count} events reported accepted over {Rounds} kills, {stored} stored; " +
            $"resent after restart: {resentDuplicates} found duplicate, {resentNew} new; " +
            $"{duplicates.Count} duplicate Ids stored, {partial.Count} partial events, {lost.Count} lost, {notDeduplicated.Count} reported events not deduplicated");

        Assert.Equal("ok", SchemaTests.Scalar(connection, "PRAGMA integrity_check"));
        Assert.Empty(lost);
        Assert.Empty(partial);
        Assert.Empty(notDeduplicated);
        Assert.Empty(duplicates);
        Assert.True(stored >= reported.Count);
    }

    private static string Accepted(string line)
    {
        var parts = line.Split(' ');
        Assert.Equal(["accepted", "3"], [parts[0], parts[2]]);
        return parts[1];
    }

    private static (string Id, bool Duplicate) Resent(string line)
    {
        var parts = line.Split(' ');
        Assert.Equal("resent", parts[0]);
        return (parts[1], parts[2] == "duplicate");
    }
}
