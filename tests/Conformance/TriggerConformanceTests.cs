namespace AttrFanout.Conformance;

/// <summary>
/// Several triggers per function on every store: each trigger's event starts a run of the one function, whose context
/// names the trigger; a trigger's filter is its own; the function is listed once. Each store's test project derives from
/// this class and supplies its <see cref="ConformanceStore"/>.
/// </summary>
public abstract class TriggerConformanceTests
{
    protected abstract ConformanceStore CreateStore();

    protected static string NewKey() => Guid.NewGuid().ToString("N");

    protected static string RunOf(string eventName) => ConformanceFunctions.Greet + " " + eventName;

    [Fact]
    public async Task Each_trigger_starts_a_run_of_the_one_function_whose_context_names_the_trigger()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();

        var signup = await app.Sender.SendAsync(new ConformanceSignup(key));
        var reactivated = await app.Sender.SendAsync(new ConformanceReactivated(key, DaysAway: 30));

        Assert.Equal([ConformanceFunctions.Greet], FunctionsOf(signup));
        Assert.Equal([ConformanceFunctions.Greet], FunctionsOf(reactivated));
        Assert.NotEqual(signup.RunIds[0], reactivated.RunIds[0]);
        await store.UntilAsync(
            () => Task.FromResult(
                ConformanceLog.AttemptsOf(key, RunOf(ConformanceSignup.EventName)).Length == 1 &&
                ConformanceLog.AttemptsOf(key, RunOf(ConformanceReactivated.EventName)).Length == 1),
            "a run of each trigger ran");
        var counts = await app.Runs.CountAsync();
        Assert.Single(counts.Functions, static c => c.FunctionId == ConformanceFunctions.Greet);
        await app.StopAsync();
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, RunOf(ConformanceSignup.EventName)));
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, RunOf(ConformanceReactivated.EventName)));
    }

    [Fact]
    public async Task A_trigger_filter_declines_only_its_own_events()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var stayed = NewKey();
        var signedUp = NewKey();

        var declined = await app.Sender.SendAsync(new ConformanceReactivated(stayed, DaysAway: 0));
        var signup = await app.Sender.SendAsync(new ConformanceSignup(signedUp));

        Assert.Empty(FunctionsOf(declined));
        Assert.Equal([ConformanceFunctions.Greet], FunctionsOf(signup));
        await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(signedUp, RunOf(ConformanceSignup.EventName)).Length == 1), "the signup's run ran");
        await app.StopAsync();
        Assert.Empty(ConformanceLog.AttemptsOf(stayed, RunOf(ConformanceReactivated.EventName)));
    }

    protected static string[] FunctionsOf(SendResult sent) =>
        [.. sent.RunIds.Select(id => id[(id.IndexOf('-', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal)];
}
