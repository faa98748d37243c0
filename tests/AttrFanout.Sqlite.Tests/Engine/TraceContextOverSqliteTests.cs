using System.Collections.Concurrent;
using System.Diagnostics;
using AttrFanout.Conformance;

namespace AttrFanout.Sqlite.Tests.Engine;

using StoredRunStatus = global::AttrFanout.RunStatus;

[Event("sqle/traced")]
public sealed partial record TracedWanted(string Key);

public static class TracedFunctions
{
    public static ConcurrentDictionary<string, (string? TraceState, string? Tenant)> SecondAttempt { get; } = new();

    [OnEvent("sqle/traced", Id = "traced-retry-once")]
    public static void RetryOnce(TracedWanted e, FunctionContext context)
    {
        if (Executions.Record(e.Key, "traced-retry-once") == 1)
        {
            throw new InvalidOperationException("The first attempt fails.");
        }

        SecondAttempt[e.Key] = (Activity.Current?.TraceStateString, Activity.Current?.GetBaggageItem("tenant"));
    }
}

[CollectionDefinition(nameof(TraceContextOverSqliteTests), DisableParallelization = true)]
public sealed class TraceContextOverSqliteCollection;

/// <summary>The send's trace context goes through the file: a retry leased by a restarted app joins the send's trace.</summary>
[Collection(nameof(TraceContextOverSqliteTests))]
public sealed class TraceContextOverSqliteTests
{
    [Fact]
    public async Task A_retry_leased_from_the_file_after_a_restart_is_a_child_of_the_send_with_its_tracestate_and_baggage()
    {
        using var recorded = new RecordedActivities();
        var stopped = recorded.Stopped;
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        var first = await EngineApp.StartAsync(db);
        var request = new Activity("incoming-request");
        request.TraceStateString = "vendor=sqlite";
        request.AddBaggage("tenant", "t-7");
        request.Start();
        var sent = await first.Sender.SendAsync(new TracedWanted(key));
        request.Stop();
        var runId = Assert.Single(sent.RunIds);
        await Until.HoldsAsync(async () => await first.Runs.GetAsync(runId) is { Status: StoredRunStatus.RetryScheduled }, "the retry is scheduled");
        await first.CrashAsync();

        await using var second = await EngineApp.StartAsync(db);
        await EngineApp.AdvanceUntilAsync(db, async () => await second.Runs.GetAsync(runId) is { Status: StoredRunStatus.Succeeded }, TimeSpan.FromMinutes(3), "the retry ran");

        var send = Assert.Single(stopped, a => a.Kind == ActivityKind.Producer && (string?)a.GetTagItem("messaging.message.id") == sent.EventId);
        var attempts = stopped.Where(a => (string?)a.GetTagItem("attrfanout.run_id") == runId).OrderBy(a => (int)a.GetTagItem("attrfanout.attempt")!).ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a =>
        {
            Assert.Equal(send.TraceId, a.TraceId);
            Assert.Equal(send.SpanId, a.ParentSpanId);
            Assert.Equal(send.SpanId, Assert.Single(a.Links).Context.SpanId);
            Assert.Equal("vendor=sqlite", a.TraceStateString);
            Assert.Equal("process", a.GetTagItem("messaging.operation.type"));
            Assert.Equal("sqle/traced", a.GetTagItem("messaging.destination.name"));
            Assert.Equal("traced-retry-once", a.GetTagItem("messaging.consumer.group.name"));
        });
        Assert.Equal(("vendor=sqlite", "t-7"), TracedFunctions.SecondAttempt[key]);
        using var connection = db.OpenRaw();
        var stored = SchemaTests.Strings(connection, $"SELECT trace_context FROM events WHERE id = '{sent.EventId}'");
        Assert.Contains("\"tracestate\":\"vendor=sqlite\"", Assert.Single(stored), StringComparison.Ordinal);
    }
}
