using System.Globalization;

namespace AttrFanout.Sqlite.Tests.Worker;

/// <summary>What the child process does; every line it prints ends with " ok" so a line cut by a kill is recognisable.</summary>
internal static class WorkerCommands
{
    public static readonly string[] Functions = ["f-a", "f-b", "f-c"];

    /// <summary>
    /// First sends again events <c>{resendPrefix}-{0…resendCount-1}</c>, as a sender that missed the acknowledgements
    /// before a crash would, printing whether each was a duplicate; then accepts events <c>{prefix}-{n}</c> from
    /// several tasks until killed, printing each Id after its accept returned.
    /// </summary>
    public static async Task AcceptForeverAsync(string database, string prefix, int parallelism, string resendPrefix, int resendCount)
    {
        await using var store = Open(database, TimeProvider.System);
        var runs = Functions.Select(f => new RunToCreate(f, 3)).ToArray();
        for (var i = 0; i < resendCount; i++)
        {
            var id = $"{resendPrefix}-{i}";
            var resent = await store.AcceptAsync(new EventToAccept(id, "crash/test", TimeProvider.System.GetUtcNow(), Payload(id), runs)).ConfigureAwait(false);
            Console.WriteLine($"resent {id} {(resent.IsDuplicate ? "duplicate" : "new")} ok");
        }

        Console.WriteLine("ready ok");
        var next = -1;
        var writers = Enumerable.Range(0, parallelism).Select(async _ =>
        {
            while (true)
            {
                var id = $"{prefix}-{Interlocked.Increment(ref next)}";
                var result = await store.AcceptAsync(new EventToAccept(id, "crash/test", TimeProvider.System.GetUtcNow(), Payload(id), runs)).ConfigureAwait(false);
                Console.WriteLine($"accepted {id} {result.RunIds.Count} ok");
            }
        });
        await Task.WhenAll(writers).ConfigureAwait(false);
    }

    /// <summary>
    /// Leases runs <paramref name="batch"/> at a time with the clock stopped at <paramref name="now"/> until none is left, printing each;
    /// after the first lease it waits for a line on stdin. With <paramref name="hold"/> it then stays alive, holding its leases, until killed.
    /// </summary>
    public static async Task LeaseAsync(string database, string owner, int batch, TimeSpan leaseDuration, DateTimeOffset now, bool hold)
    {
        await using var store = Open(database, new FixedTimeProvider(now));
        var first = true;
        while (true)
        {
            var leased = await store.LeaseDueAsync(owner, batch, leaseDuration).ConfigureAwait(false);
            foreach (var run in leased)
            {
                Console.WriteLine($"leased {run.RunId} ok");
            }

            if (first)
            {
                first = false;
                Console.WriteLine("first ok");
                await Console.In.ReadLineAsync().ConfigureAwait(false);
            }

            if (leased.Count == 0 || hold)
            {
                break;
            }
        }

        Console.WriteLine("done ok");
        if (hold)
        {
            await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        }
    }

    private static byte[] Payload(string id) => System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}");

    public static DateTimeOffset ParseUnixMilliseconds(string value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value, CultureInfo.InvariantCulture));

    private static SqliteRunStore Open(string database, TimeProvider time) =>
        SqliteRunStore.Open(new SqliteStoreOptions { ConnectionString = $"Data Source={database}" }, time);
}
