using System.Text;
using AttrFanout.Nats.Retries;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Tests.Retries;

public sealed class WaitingRunTests
{
    private static readonly PropagatedContext Trace = new([
        new("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
        new("tracestate", "rojo=00f067aa0ba902b7"),
        new("baggage", "tenant=t-1"),
    ]);

    [Fact]
    public void A_waiting_run_written_with_only_a_traceparent_reads_back_with_it()
    {
        var written = Encoding.UTF8.GetBytes("""{"f":"call-webhook","r":"42-call-webhook","a":1,"i":"evt-1","n":"hooks/call","t":"2026-12-06T08:00:00.0000000+00:00","p":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}""" + "\n{}");

        var read = WaitingRun.Decode(written);

        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", read?.Event.Trace?["traceparent"]);
    }

    [Fact]
    public void A_waiting_run_reads_back_as_written_with_its_payload_bytes_as_they_were()
    {
        var payload = Encoding.UTF8.GetBytes("{\"Note\":\"two\nlines\"}\n\u0001");
        var run = new WaitingRun("call-webhook", "42-call-webhook", 3, new WireEvent("evt-1", "hooks/call", DateTimeOffset.Parse("2026-12-06T08:00:00.1234567+00:00"), payload, Trace));

        var read = WaitingRun.Decode(run.Encode());

        Assert.NotNull(read);
        Assert.Equal(run with { Event = read.Event }, read);
        Assert.Equal(run.Event with { Payload = default, Trace = null }, read.Event with { Payload = default, Trace = null });
        Assert.Equal(Trace.Fields, read.Event.Trace!.Fields);
        Assert.Equal(payload, read.Event.Payload.ToArray());
        Assert.Null(WaitingRun.Decode(Encoding.UTF8.GetBytes("not a waiting run")));
    }

    [Fact]
    public void A_key_carries_the_due_time_and_names_one_function_s_delivery()
    {
        var due = DateTimeOffset.FromUnixTimeMilliseconds(1_765_000_000_123);
        var key = RetryKey.For(due, "call-webhook", 42, 3);

        Assert.Equal("1765000000123.call-webhook.42-3", key);
        Assert.True(RetryKey.TryGetDue(key, out var read));
        Assert.Equal(due, read);
        Assert.Equal("retry-1765000000123.call-webhook.42-3", RetryKey.ReplayMessageId(key));
    }

    [Fact]
    public void Sibling_functions_of_one_event_waiting_until_the_same_moment_get_their_own_keys()
    {
        var due = DateTimeOffset.FromUnixTimeMilliseconds(1_765_000_000_123);

        Assert.NotEqual(RetryKey.For(due, "charge-card", 42, 1), RetryKey.For(due, "send-receipt", 42, 1));
    }

    [Fact]
    public void A_waiting_run_keeps_its_flow_control_keys()
    {
        var keys = new AttrFanout.FlowControl.RunKeys { Concurrency = "acct \"1\"", Priority = -30 }.Encode();
        var run = new WaitingRun("sync", "9-sync", 0, new WireEvent("evt-1", "docs/sync", DateTimeOffset.UnixEpoch, "{}"u8.ToArray(), null), keys);

        var read = WaitingRun.Decode(run.Encode());

        Assert.Equal(keys, read?.Keys);
        Assert.Null(WaitingRun.Decode(new WaitingRun("sync", "9-sync", 0, run.Event).Encode())?.Keys);
    }

    [Theory]
    [InlineData(42UL, 42UL, false, "1765000000123.call-webhook.42-3")]
    [InlineData(42UL, 7UL, false, "1765000000123.call-webhook.42-3-r7")]
    [InlineData(42UL, 42UL, true, "1765000000123.call-webhook.42-3-d")]
    [InlineData(42UL, 7UL, true, "1765000000123.call-webhook.42-3-r7-d")]
    public void A_key_names_the_run_it_waits_for_and_whether_it_is_a_deferral(ulong messageSequence, ulong runSequence, bool deferred, string expected)
    {
        var key = RetryKey.For(DateTimeOffset.FromUnixTimeMilliseconds(1765000000123), "call-webhook", messageSequence, 3, runSequence, deferred);

        Assert.Equal(expected, key);
        Assert.True(RetryKey.TryGetRun(key, out var functionId, out var readSequence, out var readDeferred));
        Assert.Equal(("call-webhook", runSequence, deferred), (functionId.ToString(), readSequence, readDeferred));
        Assert.True(RetryKey.TryGetDue(key, out var due));
        Assert.Equal(1765000000123, due.ToUnixTimeMilliseconds());
    }
}
