using System.Text.Json.Serialization;
using AttrFanout.Generated;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Benchmarks.Durable;

/// <summary>
/// Durable throughput: events per second with 5 functions per event, every run committed and completed, through
/// AttrFanout on SQLite, beside raw Microsoft.Data.Sqlite writing the same rows (1 event + 5 runs inserted, then 5
/// status updates) with the same durability (WAL, synchronous=FULL) and the same batching opportunity
/// (<see cref="Senders"/> events in flight, so at most that many events per transaction). Each iteration starts on a
/// fresh file with its schema in place and, for AttrFanout, the app started and warmed by one event: what is measured
/// is writing and completing the rows, not opening files or starting an app. Both sides make their event and run Ids
/// with AttrFanout's own generator (version 7 GUIDs from a per-thread block of random bytes), so neither pays a system
/// call per Id that the other does not.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class DurableThroughputBenchmarks
{
    public const int Events = 500;
    public const int Functions = 5;
    public const int Senders = 64;

    private string _folder = "";
    private string _path = "";
    private ServiceProvider? _provider;
    private IEventSender? _sender;
    private IFunctionRuns? _runs;
    private SqliteConnection? _raw;

    [IterationSetup]
    public void NewFile()
    {
        _folder = Path.Combine(Path.GetTempPath(), "attrfanout-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, "bench.db");
        var services = new ServiceCollection();
        AttrFanoutRegistration.AddAttrFanoutCore(services, [new BenchModule()], o => o.UseSqlite($"Data Source={_path}"));
        _provider = services.BuildServiceProvider();
        _sender = _provider.GetRequiredService<IEventSender>();
        _runs = _provider.GetRequiredService<IFunctionRuns>();
        SendAndCompleteAsync(_sender, _runs, events: 1).GetAwaiter().GetResult();

        _raw = new SqliteConnection($"Data Source={_path}-raw");
        _raw.Open();
        Execute(_raw, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        Execute(_raw, """
            CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, timestamp INTEGER NOT NULL, payload BLOB NOT NULL, accepted_at INTEGER NOT NULL);
            CREATE INDEX events_by_id ON events (id, accepted_at);
            CREATE TABLE runs (id TEXT NOT NULL PRIMARY KEY, event_seq INTEGER NOT NULL, function_id TEXT NOT NULL, status INTEGER NOT NULL, attempt INTEGER NOT NULL,
                due_at INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER);
            """);
    }

    [IterationCleanup]
    public void DeleteFile()
    {
        _provider?.Dispose();
        _raw?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public void RawSqlite()
    {
        var connection = _raw!;
        var payload = System.Text.Encoding.UTF8.GetBytes("{\"Number\":1}");
        var runIds = new string[Events * Functions];
        for (var first = 0; first < Events; first += Senders)
        {
            var last = Math.Min(first + Senders, Events);
            using (var transaction = connection.BeginTransaction())
            {
                using var insertEvent = Command(connection, "INSERT INTO events (id, name, timestamp, payload, accepted_at) VALUES ($id, 'bench/order', 0, $payload, 0) RETURNING seq", "$id", "$payload");
                using var insertRun = Command(connection, "INSERT INTO runs (id, event_seq, function_id, status, attempt, due_at, created_at, updated_at) VALUES ($id, $seq, $function, 0, 1, 0, 0, 0)", "$id", "$seq", "$function");
                for (var e = first; e < last; e++)
                {
                    insertEvent.Parameters[0].Value = EventIds.New();
                    insertEvent.Parameters[1].Value = payload;
                    var seq = (long)insertEvent.ExecuteScalar()!;
                    for (var f = 0; f < Functions; f++)
                    {
                        var runId = runIds[e * Functions + f] = EventIds.New();
                        insertRun.Parameters[0].Value = runId;
                        insertRun.Parameters[1].Value = seq;
                        insertRun.Parameters[2].Value = BenchModule.FunctionIds[f];
                        insertRun.ExecuteNonQuery();
                    }
                }

                transaction.Commit();
            }

            using (var transaction = connection.BeginTransaction())
            {
                using var finish = Command(connection, "UPDATE runs SET status = 2, updated_at = 1, finished_at = 1 WHERE id = $id", "$id");
                for (var r = first * Functions; r < last * Functions; r++)
                {
                    finish.Parameters[0].Value = runIds[r];
                    finish.ExecuteNonQuery();
                }

                transaction.Commit();
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public Task AttrFanoutOnSqlite() => SendAndCompleteAsync(_sender!, _runs!, Events);

    private static async Task SendAndCompleteAsync(IEventSender sender, IFunctionRuns runs, int events)
    {
        var next = -1;
        var senders = Enumerable.Range(0, Math.Min(Senders, events)).Select(async _ =>
        {
            var waits = new List<Task<FunctionRun>>();
            int number;
            while ((number = Interlocked.Increment(ref next)) < events)
            {
                var sent = await sender.SendAsync(new BenchOrder(number));
                foreach (var runId in sent.RunIds)
                {
                    waits.Add(runs.WaitForCompletionAsync(runId));
                }
            }

            foreach (var run in await Task.WhenAll(waits))
            {
                if (run.Status != RunStatus.Succeeded)
                {
                    throw new InvalidOperationException($"Run {run.RunId} ended {run.Status}.");
                }
            }
        });
        await Task.WhenAll(senders);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}

/// <summary>The benchmark's event.</summary>
/// <param name="Number">The order number.</param>
public sealed record BenchOrder(int Number) : IEventPayload
{
    public static string EventName => "bench/order";
}

[JsonSerializable(typeof(BenchOrder))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>Registers the event and five functions that do nothing, as the generator would for five [OnEvent] methods.</summary>
internal sealed class BenchModule : IFanoutModule
{
    public static readonly string[] FunctionIds = ["bench-1", "bench-2", "bench-3", "bench-4", "bench-5"];

    public string AssemblyName => "AttrFanout.Benchmarks";

    public void Register(FanoutModuleBuilder builder)
    {
        builder.AddEvent(new EventDescriptor<BenchOrder>(BenchOrder.EventName, BenchJsonContext.Default));
        foreach (var id in FunctionIds)
        {
            builder.AddFunction(new FunctionDescriptor<BenchOrder>(id, BenchOrder.EventName, static (_, _, _, _) => ValueTask.CompletedTask));
        }
    }
}
