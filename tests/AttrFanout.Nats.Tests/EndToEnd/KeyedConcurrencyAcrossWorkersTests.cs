using System.Diagnostics;
using System.Globalization;
using System.Text;
using AttrFanout.FlowControl;
using AttrFanout.Nats.FlowControl;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>
/// Three worker processes on one server share a keyed concurrency limit of 2 over 3 accounts (tests/AttrFanout.Nats.Tests.Worker,
/// <c>KeyedProcessor</c>, 3 s leases); one is SIGKILLed while it holds slots. Each execution is journaled on the machine's
/// monotonic clock, so the merged journals show how many executions of an account overlapped.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class KeyedConcurrencyAcrossWorkersTests(NatsServerFixture server) : IDisposable
{
    private const string FunctionId = "process-keyed";
    private const int Items = 18;
    private static readonly string[] Accounts = ["acct-a", "acct-b", "acct-c"];
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-keyed-").FullName;

    [Fact]
    public async Task No_more_than_two_runs_of_an_account_overlap_across_three_workers_and_a_killed_holders_slots_come_back_within_the_lease()
    {
        var options = server.NewOptions();
        var workers = Enumerable.Range(0, 3).Select(i => WorkerProcess.Start(options, Path.Combine(_directory, $"worker{i}.log"), 600, keyed: true)).ToArray();
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitReadyAsync()));
            await using var connection = new NatsConnection(new NatsOpts { Url = options.Url });
            await SendAsync(connection, options);

            var victim = workers[0];
            await Eventually.PollAsync(
                () => Task.FromResult(Unfinished(victim.Lines())),
                unfinished => unfinished.Count > 0,
                "the first worker to execute a keyed run");
            victim.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            var killedTick = Stopwatch.GetTimestamp();
            var heldByVictim = Unfinished(victim.Lines());

            var flow = new JetStreamFlowControl(new CompareAndSet(await new NatsKVContext(new NatsJSContext(connection)).GetStoreAsync(FlowBucket.Name(options))));
            foreach (var (account, runId) in heldByVictim)
            {
                var slot = $"c:{FunctionId}:0:{account}";
                Assert.Contains(runId, await flow.GetSlotHoldersAsync(slot, killedAt, CancellationToken.None));
                Assert.DoesNotContain(runId, await flow.GetSlotHoldersAsync(slot, killedAt + Lease + TimeSpan.FromMilliseconds(200), CancellationToken.None));
            }

            var done = await Eventually.PollAsync(
                () => Task.FromResult(Executions(workers, killedTick).Where(static e => e.Done).Select(static e => e.N).ToHashSet()),
                set => set.Count == Items,
                "every keyed run to complete");

            Assert.Equal(Enumerable.Range(1, Items), done.Order());
            var executions = Executions(workers, killedTick);
            foreach (var account in Accounts)
            {
                Assert.InRange(MostAtOnce(executions.Where(e => e.Account == account)), 1, 2);
            }

            Assert.True(MostAtOnce(executions) > 2, "runs of different accounts executed in parallel");
            Assert.Contains(Accounts, account => MostAtOnce(executions.Where(e => e.Account == account)) == 2);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task SendAsync(NatsConnection connection, NatsJetStreamOptions options)
    {
        await using var acks = await JetStreamPublisher.OpenAsync(connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        var subjects = new SubjectLayout(options.SubjectPrefix);
        var publisher = new EventPublisher(acks, subjects, EventRoutes.Direct(subjects));
        for (var n = 1; n <= Items; n++)
        {
            // Most runs are of one account, so that without the limit the workers would execute several of them at once.
            var account = n <= 10 ? Accounts[0] : n <= 14 ? Accounts[1] : Accounts[2];
            var payload = Encoding.UTF8.GetBytes($$"""{"Account":"{{account}}","N":{{n}}}""");
            var keys = new RunKeys { Concurrency = account }.Encode();
            var wire = new WireEvent($"keyed-{n}", "work/keyed", DateTimeOffset.UtcNow, payload, null)
            {
                FunctionHeaders = [new(RunHeaders.KeysOf(FunctionId), keys)],
            };
            await publisher.PublishAsync(wire, CancellationToken.None);
        }
    }

    /// <summary>The runs a worker started and did not finish: (account, run Id).</summary>
    private static List<(string Account, string RunId)> Unfinished(string[] lines)
    {
        var done = lines.Where(static l => l.StartsWith("kdone ", StringComparison.Ordinal)).Select(static l => l.Split(' ')[4]).ToHashSet();
        return [.. lines.Where(static l => l.StartsWith("kstart ", StringComparison.Ordinal)).Select(static l => l.Split(' ')).Where(p => !done.Contains(p[4])).Select(static p => (p[1], p[4]))];
    }

    /// <summary>Every execution from every journal; one the killed worker did not finish ends when it was killed.</summary>
    private static List<Execution> Executions(WorkerProcess[] workers, long killedTick)
    {
        var executions = new List<Execution>();
        for (var w = 0; w < workers.Length; w++)
        {
            var open = new Dictionary<string, (string Account, int N, long Start)>(StringComparer.Ordinal);
            foreach (var parts in workers[w].Lines().Select(static l => l.Split(" ")).Where(static p => p.Length == 5 && long.TryParse(p[3], CultureInfo.InvariantCulture, out _)))
            {
                var tick = long.Parse(parts[3], CultureInfo.InvariantCulture);
                if (parts[0] == "kstart")
                {
                    open[parts[4]] = (parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), tick);
                }
                else if (parts[0] == "kdone" && open.Remove(parts[4], out var started))
                {
                    executions.Add(new Execution(started.Account, started.N, started.Start, tick, Done: true));
                }
            }

            executions.AddRange(open.Values.Select(s => new Execution(s.Account, s.N, s.Start, w == 0 ? killedTick : long.MaxValue, Done: false)));
        }

        return executions;
    }

    /// <summary>The most executions that overlapped at one instant (an end before a start at the same tick).</summary>
    private static int MostAtOnce(IEnumerable<Execution> executions)
    {
        var events = executions.SelectMany(static e => new[] { (Tick: e.Start, Change: 1), (Tick: e.End, Change: -1) }).OrderBy(static e => e.Tick).ThenBy(static e => e.Change);
        int now = 0, most = 0;
        foreach (var (_, change) in events)
        {
            now += change;
            most = Math.Max(most, now);
        }

        return most;
    }

    private sealed record Execution(string Account, int N, long Start, long End, bool Done);
}
