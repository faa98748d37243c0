using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Testing.Tests;

public sealed class FanoutTestHarnessTests
{
    [Fact]
    public async Task A_flaky_function_is_retried_over_simulated_time_while_its_sibling_runs_once()
    {
        var log = new AttemptLog { FlakyFailures = 2 };
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSingleton(log));
        var start = fanout.Time.GetUtcNow();

        var runs = await fanout.SendAndRunAsync(new OrderPlaced("o-1"));

        Assert.True(runs.AllSucceeded);
        Assert.Equal(3, runs["flaky"].Attempts);
        Assert.Equal(1, runs["stable"].Attempts);
        Assert.Equal(3, log.Flaky);
        Assert.Equal(1, log.Stable);
        Assert.True(fanout.Time.GetUtcNow() > start, "The harness should have advanced the fake clock over the retry delays.");
    }

    [Fact]
    public async Task A_function_that_always_fails_ends_failed_after_its_attempts_with_its_error()
    {
        var log = new AttemptLog();
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSingleton(log));

        var runs = await fanout.SendAndRunAsync(new OrderCancelled("o-2"));

        var broken = Assert.Single(runs);
        Assert.Equal(RunStatus.Failed, broken.Status);
        Assert.Equal(3, broken.Attempts);
        Assert.Equal(typeof(InvalidOperationException).FullName, broken.ErrorType);
        Assert.Equal("broken attempt 3", broken.ErrorMessage);
        Assert.False(runs.AllSucceeded);
    }

    [Fact]
    public async Task A_run_that_never_ends_gives_a_timeout_naming_it()
    {
        var log = new AttemptLog();
        await using var fanout = FanoutTestHarness.Create(
            services => services.AddAttrFanout().AddSingleton(log),
            new RunDriverOptions { MaxRealTime = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fanout.SendAndRunAsync(new OrderStuck("o-3")));

        Assert.Contains("hanging", error.Message, StringComparison.Ordinal);
        log.Hang.SetResult();
    }

    [Fact]
    public async Task Asking_for_a_function_without_a_run_names_the_functions_that_ran()
    {
        var log = new AttemptLog { FlakyFailures = 0 };
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSingleton(log));

        var runs = await fanout.SendAndRunAsync(new OrderPlaced("o-4"));

        var error = Assert.Throws<KeyNotFoundException>(() => runs["missing"]);
        Assert.Contains("flaky", error.Message, StringComparison.Ordinal);
        Assert.Contains("stable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_a_harness_without_AddAttrFanout_says_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FanoutTestHarness.Create(services => services.AddSingleton(new AttemptLog())));

        Assert.Contains("AddAttrFanout()", error.Message, StringComparison.Ordinal);
    }
}
