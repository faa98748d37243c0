using System.Text;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class CrashTests(NatsServerFixture server) : IDisposable
{
    private const int Items = 12;
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-workers-").FullName;

    [Fact]
    public async Task Three_workers_share_the_runs_and_a_worker_killed_mid_run_loses_none()
    {
        var options = server.NewOptions();
        var workers = Enumerable.Range(0, 3).Select(i => WorkerProcess.Start(options, Path.Combine(_directory, $"worker{i}.log"), 1500)).ToArray();
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitReadyAsync()));
            await using (var connection = new NatsConnection(new NatsOpts { Url = options.Url }))
            await using (var acks = await JetStreamPublisher.OpenAsync(connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None))
            {
                var subjects = new SubjectLayout(options.SubjectPrefix);
                var publisher = new EventPublisher(acks, subjects, EventRoutes.Direct(subjects));
                for (var n = 1; n <= Items; n++)
                {
                    var payload = Encoding.UTF8.GetBytes($$"""{"N":{{n}}}""");
                    await publisher.PublishAsync(new WireEvent($"item-{n}", "work/item", DateTimeOffset.UtcNow, payload, null), CancellationToken.None);
                }
            }

            var victim = workers[0];
            await Eventually.PollAsync(
                () => Task.FromResult(Unfinished(victim.Lines())),
                unfinished => unfinished.Length > 0,
                "the first worker to start a run");
            victim.Kill();
            var unfinishedAtKill = Unfinished(victim.Lines());
            Assert.NotEmpty(unfinishedAtKill);

            var done = await Eventually.PollAsync(
                () => Task.FromResult(workers.SelectMany(w => w.Lines()).Where(l => l.StartsWith("done ", StringComparison.Ordinal)).Select(l => int.Parse(l[5..])).ToHashSet()),
                set => set.Count == Items,
                "every item to be done");

            Assert.Equal(Enumerable.Range(1, Items), done.Order());
            var survivorsDone = workers.Skip(1).SelectMany(w => w.Lines()).Where(l => l.StartsWith("done ", StringComparison.Ordinal)).Select(l => int.Parse(l[5..])).ToHashSet();
            Assert.All(unfinishedAtKill, n => Assert.Contains(n, survivorsDone));
            Assert.All(workers.Skip(1), w => Assert.Contains(w.Lines(), l => l.StartsWith("done ", StringComparison.Ordinal)));
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

    private static int[] Unfinished(string[] lines)
    {
        var started = lines.Where(l => l.StartsWith("start ", StringComparison.Ordinal)).Select(l => int.Parse(l[6..])).ToHashSet();
        started.ExceptWith(lines.Where(l => l.StartsWith("done ", StringComparison.Ordinal)).Select(l => int.Parse(l[5..])));
        return [.. started];
    }
}
