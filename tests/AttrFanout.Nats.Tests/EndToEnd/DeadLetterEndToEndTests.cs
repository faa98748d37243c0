using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class DeadLetterEndToEndTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_run_that_exhausts_its_attempts_is_dead_lettered_announced_and_can_be_replayed()
    {
        await using var app = NatsApp.Create(server);
        app.Journal.FailFirst["reserve-stock"] = 3;

        await app.Sender.SendAsync(new OrderPlaced("o-5", 10));

        await app.Journal.WaitUntilAsync(() => !app.Journal.Failures.IsEmpty, "the failure event");
        var failure = Assert.Single(app.Journal.Failures);
        Assert.Equal("reserve-stock", failure.FunctionId);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal([1, 2, 3], app.Journal.Of("reserve-stock", "o-5").Select(a => a.Number));

        var failed = Assert.Single(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "reserve-stock" }));
        Assert.Equal(failure.RunId, failed.RunId);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.ErrorType);
        Assert.Contains("reserve-stock failed attempt 3 for o-5", failed.ErrorMessage);
        Assert.Equal(RunStatus.Failed, (await app.Runs.GetAsync(failed.RunId))?.Status);

        app.Journal.FailFirst["reserve-stock"] = 0;
        var replay = await app.Runs.ReplayAsync(failed.RunId);

        Assert.Equal(failed.RunId, replay.ReplayOf);
        await app.Journal.WaitUntilAsync(() => app.Journal.Of("reserve-stock", "o-5").Any(a => a.Succeeded), "the replay to succeed");
        var replayed = app.Journal.Of("reserve-stock", "o-5").Single(a => a.Succeeded);
        Assert.Equal(replay.RunId, replayed.RunId);
        Assert.Equal(1, replayed.Number);
        Assert.Empty(await app.Runs.ListFailedAsync());
        Assert.Equal(replay.RunId, Assert.Single(await app.Runs.ListFailedAsync(new FailedRunQuery { IncludeReplayed = true })).ReplayedBy);
    }

    [Fact]
    public async Task A_non_retriable_error_dead_letters_the_run_after_one_attempt()
    {
        await using var app = NatsApp.Create(server);
        app.Journal.FailForGood["send-receipt"] = true;

        await app.Sender.SendAsync(new OrderPlaced("o-6", 10));

        await app.Journal.WaitUntilAsync(() => !app.Journal.Failures.IsEmpty, "the failure event");
        await app.BarrierAsync("after-o-6");
        var attempt = Assert.Single(app.Journal.Of("send-receipt", "o-6"));
        var failed = Assert.Single(await app.Runs.ListFailedAsync(), r => r.RunId == attempt.RunId);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(typeof(NonRetriableException).FullName, failed.ErrorType);
    }
}
