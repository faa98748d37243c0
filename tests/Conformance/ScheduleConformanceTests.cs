namespace AttrFanout.Conformance;

/// <summary>
/// Schedules on every store: several apps sharing one store each send every tick, and the store keeps one run per tick.
/// Each store's test project derives from this class and supplies its <see cref="ConformanceStore"/>.
/// </summary>
public abstract class ScheduleConformanceTests
{
    protected abstract ConformanceStore CreateStore();

    [Fact]
    public async Task Three_apps_sharing_a_store_make_exactly_one_run_per_tick()
    {
        await using var store = CreateStore();
        var apps = new List<ConformanceApp>();
        try
        {
            // An in-memory store belongs to one app; only a shared store can be shared by three.
            for (var i = 0; i < (store.IsDurable ? 3 : 1); i++)
            {
                apps.Add(await store.StartAsync(o => o.Functions[ConformanceFunctions.Tick] = new FunctionOptions { Schedule = "* * * * * *" }));
            }

            await store.UntilAsync(() => Task.FromResult(ConformanceLog.KeysStartingWith("tick:").Length >= 3), "three ticks ran");
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }

        var ticks = ConformanceLog.KeysStartingWith("tick:");
        Assert.True(ticks.Length >= 3, $"only {ticks.Length} ticks ran");
        Assert.All(ticks, tick => Assert.Equal([1], ConformanceLog.AttemptsOf(tick, ConformanceFunctions.Tick)));
    }
}
