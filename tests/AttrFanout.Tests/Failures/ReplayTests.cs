using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Failures;

[Event("tests/replay.import")]
public sealed partial record ImportFile(string Name);

/// <summary>Fails imports until the test repairs it.</summary>
public sealed class ImportSwitch
{
    public volatile bool Broken = true;

    public ConcurrentQueue<(string RunId, int Attempt)> Calls { get; } = new();
}

public static class ReplayFunctions
{
    [OnEvent("tests/replay.import", Id = "replay-import", Retries = 2)]
    public static void Import(ImportFile file, FunctionContext context)
    {
        var importSwitch = context.Services.GetRequiredService<ImportSwitch>();
        importSwitch.Calls.Enqueue((context.RunId, context.Attempt));
        if (importSwitch.Broken)
        {
            throw new IOException($"cannot read {file.Name}");
        }
    }
}

public sealed class ReplayTests
{
    [Fact]
    public async Task A_replayed_failed_run_runs_again_with_a_fresh_attempt_count()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<ImportSwitch>());
        var result = await app.Sender.SendAsync(new ImportFile("a.csv"));
        var failed = app.CompletionOf(result.RunIds[0]);
        await app.Clock.AdvanceUntilAsync(failed);
        Assert.Equal(RunStatus.Failed, (await failed).Status);

        app.Get<ImportSwitch>().Broken = false;
        var replay = await app.Runs.ReplayAsync(result.RunIds[0]);
        var replayed = await app.CompletionOf(replay.RunId);

        Assert.NotEqual(result.RunIds[0], replay.RunId);
        Assert.Equal(result.RunIds[0], replayed.ReplayOf);
        Assert.Equal(RunStatus.Succeeded, replayed.Status);
        Assert.Equal(1, replayed.Attempts);
        Assert.Equal((replay.RunId, 1), app.Get<ImportSwitch>().Calls.Last());
        Assert.Empty(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "replay-import" }));
        var original = Assert.Single(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "replay-import", IncludeReplayed = true }));
        Assert.Equal(replay.RunId, original.ReplayedBy);
        await Assert.ThrowsAsync<ArgumentException>(() => app.Runs.ReplayAsync(result.RunIds[0]).AsTask());
    }

    [Fact]
    public async Task Failed_runs_are_listed_by_function_event_and_time_and_replayed_in_bulk()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<ImportSwitch>());
        var first = await app.Sender.SendAsync(new ImportFile("a.csv"));
        var firstDone = app.CompletionOf(first.RunIds[0]);
        await app.Clock.AdvanceUntilAsync(firstDone);
        var between = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await app.Sender.SendAsync(new ImportFile("b.csv"));
        var secondDone = app.CompletionOf(second.RunIds[0]);
        await app.Clock.AdvanceUntilAsync(secondDone);

        Assert.Equal(2, (await app.Runs.ListFailedAsync(new FailedRunQuery { EventName = "tests/replay.import" })).Count);
        Assert.Empty(await app.Runs.ListFailedAsync(new FailedRunQuery { EventName = "tests/replay.other" }));
        Assert.Equal(first.RunIds[0], Assert.Single(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "replay-import", FailedBefore = between.AddSeconds(1) })).RunId);
        Assert.Equal(second.RunIds[0], Assert.Single(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "replay-import", FailedFrom = between.AddSeconds(1) })).RunId);

        app.Get<ImportSwitch>().Broken = false;
        var replays = await app.Runs.ReplayAsync(new FailedRunQuery { FunctionId = "replay-import" });

        Assert.Equal(2, replays.Count);
        var done = await app.CompletionOf(replays.Select(r => r.RunId));
        Assert.All(done, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Empty(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "replay-import" }));
    }
}
