namespace AttrFanout.Conformance;

/// <summary>
/// Filters on every store: a function whose filter declines an event gets no run at all, and the send names the runs of
/// the functions that took it. Each store's test project derives from this class and supplies its <see cref="ConformanceStore"/>.
/// </summary>
public abstract class FilterConformanceTests
{
    protected abstract ConformanceStore CreateStore();

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_function_whose_filter_declines_an_event_gets_no_run_and_its_siblings_run()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var light = NewKey();
        var heavy = NewKey();

        var lightSent = await app.Sender.SendAsync(new ConformanceParcel(light, Kilograms: 3));
        var heavySent = await app.Sender.SendAsync(new ConformanceParcel(heavy, Kilograms: 300));

        Assert.Equal([ConformanceFunctions.Ship], FunctionsOf(lightSent));
        Assert.Equal([ConformanceFunctions.Crane, ConformanceFunctions.Ship], FunctionsOf(heavySent));
        await store.UntilAsync(
            () => Task.FromResult(ConformanceLog.AttemptsOf(heavy, ConformanceFunctions.Crane).Length == 1 && ConformanceLog.AttemptsOf(light, ConformanceFunctions.Ship).Length == 1),
            "the parcels' runs ran");
        await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(heavy, ConformanceFunctions.Ship).Length == 1), "the heavy parcel shipped");
        await app.StopAsync();
        Assert.Empty(ConformanceLog.AttemptsOf(light, ConformanceFunctions.Crane));
    }

    [Fact]
    public async Task A_filter_that_throws_fails_the_send_naming_the_function_and_accepts_nothing()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();

        var options = new SendOptions { Id = "parcel-" + key };
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => app.Sender.SendAsync(new ConformanceParcel(key, 5, Explode: true), options).AsTask());

        Assert.Contains($"'{ConformanceFunctions.Crane}'", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        var retried = await app.Sender.SendAsync(new ConformanceParcel(key, 5), options);
        Assert.False(retried.IsDuplicate);
        Assert.Equal([ConformanceFunctions.Ship], FunctionsOf(retried));
    }

    private static string[] FunctionsOf(SendResult sent) =>
        [.. sent.RunIds.Select(id => id[(id.IndexOf('-', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal)];
}
