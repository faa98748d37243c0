using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>A store outliving its engine, as a durable store outlives a crashed process.</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task A_run_released_with_attempts_made_resumes_in_a_new_engine_with_only_its_remaining_attempts()
    {
        var clock = new TestClock();
        var store = new InMemoryFanoutStore(100, clock);
        SendResult sent;
        await using (var before = CreateApp(store, clock))
        {
            sent = await before.Sender.SendAsync(new AlwaysFailing("broken"));
            await Safety.UntilAsync(async () => (await before.Runs.GetAsync(sent.RunIds[0]))!.Status == RunStatus.RetryScheduled);
            await before.Engine.StopAsync().Safe();
            Assert.Equal([1], before.Get<AttemptLog>().Attempts.Select(a => a.Attempt));
        }

        await using var after = CreateApp(store, clock);
        var done = after.CompletionOf(sent.RunIds[0]);
        after.Engine.Start();
        await after.Clock.AdvanceUntilAsync(done);

        var run = await done;
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(3, run.Attempts);
        Assert.Equal([2, 3], after.Get<AttemptLog>().Attempts.Select(a => a.Attempt));
        Assert.All(after.Get<AttemptLog>().Attempts, a => Assert.Equal(3, a.MaxAttempts));
    }

    private static TestApp CreateApp(InMemoryFanoutStore store, TestClock clock) =>
        TestApp.Create(
            o =>
            {
                o.DefaultRetries = 2;
                o.UseStore(_ => store);
            },
            s => s.AddSingleton(sp => new AttemptLog(sp.GetRequiredService<TimeProvider>())),
            clock);
}
