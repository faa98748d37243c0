using System.Text;
using System.Text.Json;
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
/// A worker holding a debounce (three edits) and a partial batch (two clicks) in the flow bucket is SIGKILLed before either
/// is due; another worker on the same streams runs both, once each.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class HoldAcrossKillTests(NatsServerFixture server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-holds-").FullName;

    [Fact]
    public async Task A_debounce_and_a_partial_batch_held_by_a_killed_worker_run_once_in_another()
    {
        var options = server.NewOptions();
        await using var connection = new NatsConnection(new NatsOpts { Url = options.Url });
        var doomed = WorkerProcess.Start(options, Path.Combine(_directory, "doomed.log"), 0, held: true);
        WorkerProcess? survivor = null;
        try
        {
            await doomed.WaitReadyAsync();
            await PublishAsync(connection, options);
            var bucket = await new NatsKVContext(new NatsJSContext(connection)).GetStoreAsync(FlowBucket.Name(options));
            await Eventually.PollAsync(
                () => HeldAsync(bucket),
                held => held == "hold-clicks 2, hold-doc 1",
                "both holds to be in the flow bucket");
            doomed.Kill();
            Assert.Empty(Ran(doomed));
            Assert.Equal("hold-clicks 2, hold-doc 1", await HeldAsync(bucket));

            survivor = WorkerProcess.Start(options, Path.Combine(_directory, "survivor.log"), 0, held: true);
            await survivor.WaitReadyAsync();
            await Eventually.PollAsync(() => HeldAsync(bucket), held => held.Length == 0, "both holds to run");
            var ran = await Eventually.PollAsync(() => Task.FromResult(Ran(survivor)), lines => lines.Length >= 2, "both runs to be journaled");

            Assert.Equal(2, ran.Length);
            Assert.Contains(ran, line => line.StartsWith("ran hold-doc r3 ", StringComparison.Ordinal));
            Assert.Contains(ran, line => line.StartsWith("ran hold-clicks click-1,click-2 ", StringComparison.Ordinal));
            Assert.Empty(Ran(doomed));
        }
        finally
        {
            await doomed.DisposeAsync();
            if (survivor is not null)
            {
                await survivor.DisposeAsync();
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Ran(WorkerProcess worker) => [.. worker.Lines().Where(static l => l.StartsWith("ran ", StringComparison.Ordinal))];

    private static async Task PublishAsync(NatsConnection connection, NatsJetStreamOptions options)
    {
        await using var acks = await JetStreamPublisher.OpenAsync(connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        var subjects = new SubjectLayout(options.SubjectPrefix);
        var publisher = new EventPublisher(acks, subjects, EventRoutes.Direct(subjects));
        for (var revision = 1; revision <= 3; revision++)
        {
            var payload = Encoding.UTF8.GetBytes($$"""{"DocId":"doc-1","Revision":{{revision}}}""");
            await publisher.PublishAsync(new WireEvent($"edit-{revision}", "hold/doc-edited", DateTimeOffset.UtcNow, payload, null), CancellationToken.None);
        }

        for (var click = 1; click <= 2; click++)
        {
            var payload = Encoding.UTF8.GetBytes($$"""{"TenantId":"tenant-1","Number":{{click}}}""");
            await publisher.PublishAsync(new WireEvent($"click-{click}", "hold/clicked", DateTimeOffset.UtcNow, payload, null), CancellationToken.None);
        }
    }

    /// <summary>The holds in the flow bucket as "function events", by function; the debounce's only once it holds the last edit.</summary>
    private static async Task<string> HeldAsync(INatsKVStore bucket)
    {
        var held = new List<string>();
        var keys = new List<string>();
        try
        {
            await foreach (var key in bucket.GetKeysAsync(["hold.>"]))
            {
                keys.Add(key);
            }
        }
        catch (NatsKVException)
        {
        }

        foreach (var key in keys)
        {
            var entry = await bucket.TryGetEntryAsync<byte[]>(key, serializer: NatsRawSerializer<byte[]>.Default);
            if (!entry.Success || entry.Value.Value is not { Length: > 0 } value)
            {
                continue;
            }

            using var document = JsonDocument.Parse(value);
            var events = document.RootElement.GetProperty("h").GetProperty("events");
            var function = document.RootElement.GetProperty("f").GetString();
            if (function == "hold-doc" && events[0].GetProperty("id").GetString() != "edit-3")
            {
                continue;
            }

            held.Add($"{function} {events.GetArrayLength()}");
        }

        return string.Join(", ", held.Order(StringComparer.Ordinal));
    }
}
