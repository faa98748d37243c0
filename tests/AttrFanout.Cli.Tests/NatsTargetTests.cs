using AttrFanout.Cli.Tests.Infrastructure;
using AttrFanout.Nats;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Cli.Tests;

/// <summary>The tool on a real nats-server where the Dashboard sample runs on JetStream.</summary>
public sealed class NatsTargetTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly NatsJetStreamOptions _stream = server.NewOptions();
    private ShopApp _app = null!;

    /// <summary>Starts the app and waits until it has its streams and consumers (the runs API opens them), so no event is published before anything is interested in it.</summary>
    public async Task InitializeAsync()
    {
        _app = ShopHost.Create(nats: _stream);
        await _app.Runs.CountAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string[] Target(params string[] args) =>
        [.. args, "--nats", server.Url, "--stream", _stream.StreamName, "--dead-letter-stream", _stream.DeadLetterStreamName, "--prefix", _stream.SubjectPrefix];

    [Fact]
    public async Task An_event_sent_by_the_tool_fans_out_its_failed_run_is_listed_and_its_replay_runs()
    {
        var sent = await Tool.RunAsync(Target("send", "shop/order.placed", "--data", """{"orderId":"n-1","email":"ada@example.com","total":42}""", "--id", "order-n-1"));
        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.Contains("Sent shop/order.placed as event order-n-1", sent.Out);
        var failed = await Poll.UntilAsync(() => _app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "notify-warehouse" }).AsTask(), static r => r.Count == 1, "the warehouse run to fail");
        var runId = failed[0].RunId;

        var listed = await Tool.RunAsync(Target("runs", "--status", "failed", "--json"));
        var functions = await Tool.RunAsync(Target("functions"));
        var replayed = await Tool.RunAsync(Target("replay", runId));

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var run = Assert.Single(listed.Json().GetProperty("runs").EnumerateArray(), r => r.GetProperty("runId").GetString() == runId);
        Assert.Equal("order-n-1", run.GetProperty("eventId").GetString());
        Assert.Equal("notify-warehouse", run.GetProperty("functionId").GetString());
        Assert.True(functions.ExitCode == 0, functions.ToString());
        Assert.Single(functions.Out.Split('\n'), line => line.StartsWith("notify-warehouse ", StringComparison.Ordinal) && line.Contains("shop/order.placed", StringComparison.Ordinal));
        Assert.True(replayed.ExitCode == 0, replayed.ToString());
        Assert.Contains($"Replayed run {runId} as run", replayed.Out);
        await Poll.UntilAsync(() => Task.FromResult(_app.Warehouse.Calls), static calls => calls == 4, "the replay to call the warehouse again");
        var left = await Tool.RunAsync(Target("replay", "--failed", "--json"));
        Assert.Equal(0, left.ExitCode);
        Assert.Empty(left.Json().EnumerateArray());
    }

    [Fact]
    public async Task A_second_send_with_the_same_Id_is_a_duplicate()
    {
        string[] send = Target("send", "shop/order.placed", "--data", """{"orderId":"n-2","email":"a@example.com","total":1}""", "--id", "order-n-2", "--json");

        var first = await Tool.RunAsync(send);
        var second = await Tool.RunAsync(send);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.False(first.Json().GetProperty("duplicate").GetBoolean());
        Assert.True(second.Json().GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.Json().GetProperty("streamSequence").GetUInt64(), second.Json().GetProperty("streamSequence").GetUInt64());
    }

    [Fact]
    public async Task A_stream_that_does_not_exist_is_named_and_not_created()
    {
        var result = await Tool.RunAsync("runs", "--nats", server.Url, "--stream", "NOPE", "--dead-letter-stream", "NOPE_DEAD", "--prefix", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no stream 'NOPE'", result.Error);
        Assert.False(await StreamExistsAsync("NOPE"));
    }

    [Fact]
    public async Task An_unreachable_server_is_named_and_its_password_never_printed()
    {
        var url = $"nats://127.0.0.1:{FreePort.Next()}";

        var result = await Tool.RunAsync("runs", "--nats", url, "--user", "ops", "--password", "s3cret-pass", "--timeout", "20");
        var fromEnvironment = await Tool.RunAsync(new Dictionary<string, string> { ["NATS_URL"] = url.Replace("nats://", "nats://ops:s3cret-pass@", StringComparison.Ordinal) }, "runs", "--timeout", "20");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(url, result.Error);
        Assert.Contains("Cannot", result.Error);
        Assert.DoesNotContain("s3cret-pass", result.Error + result.Out);
        Assert.Equal(1, fromEnvironment.ExitCode);
        Assert.DoesNotContain("s3cret-pass", fromEnvironment.Error + fromEnvironment.Out);
    }

    [Fact]
    public async Task A_run_waiting_for_its_retry_is_cancelled_through_the_server()
    {
        var stream = server.NewOptions();
        await using var waiting = ShopHost.Create(retryDelay: TimeSpan.FromHours(1), nats: stream);
        var runId = await waiting.OrderAsync("n-wait");
        await Poll.UntilAsync(async () => (await waiting.Runs.GetAsync(runId))?.Status, static s => s == RunStatus.RetryScheduled, "the run to wait for its retry");

        var cancelled = await Tool.RunAsync("cancel", runId, "--nats", server.Url, "--stream", stream.StreamName, "--dead-letter-stream", stream.DeadLetterStreamName, "--prefix", stream.SubjectPrefix);

        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.Contains(runId, cancelled.Out);
        await Poll.UntilAsync(async () => (await waiting.Runs.GetAsync(runId))?.Status, static s => s == RunStatus.Cancelled, "the app to see the run cancelled");
    }

    private async Task<bool> StreamExistsAsync(string name)
    {
        await using var connection = new NatsConnection(NatsOpts.Default with { Url = server.Url });
        try
        {
            await new NatsJSContext(connection).GetStreamAsync(name);
            return true;
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            return false;
        }
    }
}
