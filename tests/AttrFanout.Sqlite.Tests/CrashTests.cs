using Xunit.Abstractions;

namespace AttrFanout.Sqlite.Tests;

public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Every_event_reported_accepted_survives_repeated_kills_with_all_its_runs()
    {
        await using var db = new TestDatabase();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var reported = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            using var worker = WorkerProcess.Start("accept", db.Path, $"r{round}", "8");
            Assert.Equal("ready", await worker.ExpectLineAsync());
            var killAfter = random.Next(1, 400);
            var accepted = 0;
            while (accepted < killAfter)
            {
                reported.Add(Accepted(await worker.ExpectLineAsync()));
                accepted++;
            }

            await worker.KillAsync();
            reported.AddRange((await worker.ReadToEndAsync()).Select(Accepted));
        }

        var store = db.Open();
        var lost = new List<string>();
        foreach (var eventId in reported)
        {
            var runs = await store.GetRunsOfEventAsync(eventId);
            if (runs.Select(r => r.FunctionId).Order().SequenceEqual(["f-a", "f-b", "f-c"]) is false)
            {
                lost.Add($"{eventId} ({runs.Count} runs)");
            }
        }

        using var connection = db.OpenRaw();
        var duplicates = SchemaTests.Strings(connection, "SELECT id FROM events GROUP BY id HAVING COUNT(*) > 1");
        var partial = SchemaTests.Strings(connection, "SELECT e.id FROM events e LEFT JOIN runs r ON r.event_seq = e.seq GROUP BY e.seq HAVING COUNT(r.id) <> 3");
        var stored = (long)SchemaTests.Scalar(connection, "SELECT COUNT(*) FROM events")!;
        output.WriteLine($"seed {seed}: {reported.Count} events reported accepted over {Rounds} kills, {stored} stored, {duplicates.Count} duplicate Ids, {partial.Count} partial events, {lost.Count} lost");

        Assert.Equal("ok", SchemaTests.Scalar(connection, "PRAGMA integrity_check"));
        Assert.Equal(reported.Count, reported.Distinct().Count());
        Assert.Empty(lost);
        Assert.Empty(partial);
        Assert.Empty(duplicates);
        Assert.True(stored >= reported.Count);
    }

    private static string Accepted(string line)
    {
        var parts = line.Split(' ');
        Assert.Equal(["accepted", "3"], [parts[0], parts[2]]);
        return parts[1];
    }
}
