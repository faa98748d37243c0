using System.Collections.Concurrent;
using System.Diagnostics;
using AttrFanout.Conformance;
using AttrFanout.Tests.Infrastructure;

namespace AttrFanout.Tests.Telemetry;

[Event("tests/trace.ping")]
public sealed partial record TraceContextPing(int Number);

[Event("tests/trace.fragile")]
public sealed partial record FragilePing(string Key);

public static class TraceContextFunctions
{
    public static ConcurrentDictionary<string, bool> Repaired { get; } = new();

    [OnEvent("tests/trace.fragile", Id = "trace-fragile", Retries = 0)]
    public static void Fragile(FragilePing ping)
    {
        if (!Repaired.ContainsKey(ping.Key))
        {
            throw new InvalidOperationException("not repaired yet");
        }
    }

    public static ConcurrentDictionary<string, (string? TraceState, string? Tenant, string? User)> Seen { get; } = new();

    [OnEvent("tests/trace.ping", Id = "trace-reader")]
    public static void Read(TraceContextPing ping, FunctionContext context) =>
        Seen[context.RunId] = (Activity.Current?.TraceStateString, Activity.Current?.GetBaggageItem("tenant"), Activity.Current?.GetBaggageItem("user"));
}

[Collection(nameof(TelemetryTests))]
public sealed class TraceContextTests
{
    [Fact]
    public async Task A_run_attempt_is_a_child_of_the_send_with_messaging_attributes_tracestate_and_baggage()
    {
        using var recorded = new RecordedActivities();
        var stopped = recorded.Stopped;
        await using var app = TestApp.Create();
        var request = new Activity("incoming-request");
        request.TraceStateString = "vendor=abc";
        request.AddBaggage("user", "ada");
        request.AddBaggage("tenant", "t-42");
        request.Start();

        var result = await app.Sender.SendAsync(new TraceContextPing(1));
        request.Stop();
        var run = Assert.Single(result.RunIds);
        await app.RunToEndAsync(run);

        var send = Assert.Single(stopped, a => (string?)a.GetTagItem("messaging.message.id") == result.EventId && a.Kind == ActivityKind.Producer);
        Assert.Equal("attrfanout", send.GetTagItem("messaging.system"));
        Assert.Equal("send", send.GetTagItem("messaging.operation.type"));
        Assert.Equal("send", send.GetTagItem("messaging.operation.name"));
        Assert.Equal("tests/trace.ping", send.GetTagItem("messaging.destination.name"));

        var attempt = Assert.Single(stopped, a => (string?)a.GetTagItem("attrfanout.run_id") == run);
        Assert.Equal(send.TraceId, attempt.TraceId);
        Assert.Equal(send.SpanId, attempt.ParentSpanId);
        Assert.True(attempt.HasRemoteParent);
        Assert.Equal(send.SpanId, Assert.Single(attempt.Links).Context.SpanId);
        Assert.Equal("attrfanout", attempt.GetTagItem("messaging.system"));
        Assert.Equal("process", attempt.GetTagItem("messaging.operation.type"));
        Assert.Equal("process", attempt.GetTagItem("messaging.operation.name"));
        Assert.Equal("tests/trace.ping", attempt.GetTagItem("messaging.destination.name"));
        Assert.Equal(result.EventId, attempt.GetTagItem("messaging.message.id"));
        Assert.Equal("trace-reader", attempt.GetTagItem("messaging.consumer.group.name"));
        Assert.Equal("vendor=abc", attempt.TraceStateString);
        Assert.Equal(("vendor=abc", "t-42", "ada"), TraceContextFunctions.Seen[run]);
    }

    [Fact]
    public async Task A_replayed_failed_run_is_still_a_child_of_the_original_send()
    {
        using var recorded = new RecordedActivities();
        var stopped = recorded.Stopped;
        await using var app = TestApp.Create();
        var key = Guid.NewGuid().ToString("N");
        var request = new Activity("incoming-request");
        request.AddBaggage("tenant", "t-3");
        request.Start();
        var result = await app.Sender.SendAsync(new FragilePing(key));
        request.Stop();
        var failed = await app.RunToEndAsync(Assert.Single(result.RunIds));
        Assert.Equal(RunStatus.Failed, failed.Status);

        TraceContextFunctions.Repaired[key] = true;
        var replay = await app.Runs.ReplayAsync(failed.RunId);
        Assert.Equal(RunStatus.Succeeded, (await app.RunToEndAsync(replay.RunId)).Status);

        var send = Assert.Single(stopped, a => a.Kind == ActivityKind.Producer && (string?)a.GetTagItem("messaging.message.id") == result.EventId);
        var replayed = Assert.Single(stopped, a => (string?)a.GetTagItem("attrfanout.run_id") == replay.RunId);
        Assert.Equal(send.TraceId, replayed.TraceId);
        Assert.Equal(send.SpanId, replayed.ParentSpanId);
        Assert.Equal("t-3", replayed.GetBaggageItem("tenant"));
    }

    [Fact]
    public async Task A_send_outside_any_activity_carries_no_trace_context()
    {
        await using var app = TestApp.Create();
        Assert.Null(Activity.Current);

        var result = await app.Sender.SendAsync(new TraceContextPing(2));
        var run = Assert.Single(result.RunIds);
        await app.RunToEndAsync(run);

        Assert.Equal((null, null, null), TraceContextFunctions.Seen[run]);
    }
}
