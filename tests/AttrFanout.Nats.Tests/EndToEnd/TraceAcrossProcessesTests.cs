using System.Collections.Concurrent;
using System.Diagnostics;
using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>Declared here to be sent; its function runs only in the worker process (tests/AttrFanout.Nats.Tests.Worker).</summary>
[Event("work/traced")]
public sealed partial record TracedWork(int N);

[Collection(NatsCollection.Name)]
public sealed class TraceAcrossProcessesTests(NatsServerFixture server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-traced-").FullName;

    [Fact]
    public async Task A_run_in_another_process_is_a_child_of_the_send_with_messaging_attributes_tracestate_and_baggage()
    {
        using var recorded = new RecordedActivities();
        var stopped = recorded.Stopped;
        await using var app = NatsApp.Create(server, configureNats: n => n.Storage = NatsStorage.File);
        await using var worker = WorkerProcess.Start(app.Nats, Path.Combine(_directory, "worker.log"), 0, traced: true);
        await worker.WaitReadyAsync();

        var request = new Activity("incoming-request");
        request.TraceStateString = "vendor=nats";
        request.AddBaggage("tenant", "t-9");
        request.Start();
        var sent = await app.Sender.SendAsync(new TracedWork(1));
        request.Stop();

        var line = await Eventually.PollAsync(
            () => Task.FromResult(worker.Lines().FirstOrDefault(l => l.StartsWith("traced 1 ", StringComparison.Ordinal))),
            l => l is not null,
            "the worker process to run the traced function");
        var send = Assert.Single(stopped, a => a.Kind == ActivityKind.Producer && (string?)a.GetTagItem("messaging.message.id") == sent.EventId);
        var fields = line!.Split(' ');
        Assert.Equal(
            [send.TraceId.ToString(), send.SpanId.ToString(), send.SpanId.ToString(), "vendor=nats", "t-9", "traced-work", "process", "work/traced", sent.EventId],
            fields[2..]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
