using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/inline.ping")]
public sealed partial record InlinePing(bool Fail, bool Yield);

/// <summary>Counts the calls of each inline function; static so that counting allocates nothing (the tests of one class run one at a time).</summary>
public static class InlineCalls
{
    private static int s_first;
    private static int s_second;
    private static int s_third;

    public static int[] Counts => [s_first, s_second, s_third];

    public static void Reset() => (s_first, s_second, s_third) = (0, 0, 0);

    public static void First() => Interlocked.Increment(ref s_first);

    public static void Second() => Interlocked.Increment(ref s_second);

    public static void Third() => Interlocked.Increment(ref s_third);
}

public static class InlineFunctions
{
    [OnEvent("tests/inline.ping", Id = "inline-first")]
    public static void First(InlinePing ping)
    {
        InlineCalls.First();
        if (ping.Fail)
        {
            throw new InvalidOperationException("first failed");
        }
    }

    [OnEvent("tests/inline.ping", Id = "inline-second")]
    public static Task Second(InlinePing ping)
    {
        if (ping.Yield)
        {
            return Task.Run(InlineCalls.Second);
        }

        InlineCalls.Second();
        return Task.CompletedTask;
    }

    [OnEvent("tests/inline.ping", Id = "inline-third")]
    public static ValueTask Third(InlinePing ping)
    {
        InlineCalls.Third();
        return ValueTask.CompletedTask;
    }
}

public sealed class InlineDispatchTests
{
    [Fact]
    public async Task Handlers_that_complete_synchronously_are_all_invoked_without_allocating()
    {
        var (services, catalog, context) = Create();
        var ping = Envelope(new InlinePing(Fail: false, Yield: false));
        await catalog.InvokeInlineAsync(ping, services, context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var invocation = catalog.InvokeInlineAsync(ping, services, context);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(invocation.IsCompletedSuccessfully);
        Assert.Equal(0, allocated);
        Assert.Equal([2, 2, 2], InlineCalls.Counts);
    }

    [Fact]
    public async Task A_handler_that_yields_is_awaited_with_the_rest()
    {
        var (services, catalog, context) = Create();

        await catalog.InvokeInlineAsync(Envelope(new InlinePing(Fail: false, Yield: true)), services, context);

        Assert.Equal([1, 1, 1], InlineCalls.Counts);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_its_siblings_and_faults_the_task()
    {
        var (services, catalog, context) = Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await catalog.InvokeInlineAsync(Envelope(new InlinePing(Fail: true, Yield: true)), services, context));

        Assert.Equal("first failed", error.Message);
        Assert.Equal([1, 1, 1], InlineCalls.Counts);
    }

    [Fact]
    public async Task An_event_without_functions_completes_at_once()
    {
        var (services, catalog, context) = Create();

        var invocation = catalog.InvokeInlineAsync(new Event<string>("e-1", "tests/inline.nobody", DateTimeOffset.UnixEpoch, "x"), services, context);

        Assert.True(invocation.IsCompletedSuccessfully);
        await invocation;
    }

    private static (ServiceProvider Services, FunctionCatalog Catalog, FunctionContext Context) Create()
    {
        InlineCalls.Reset();
        var services = new ServiceCollection().AddAttrFanout().BuildServiceProvider();
        var context = new FunctionContext("run-1", "inline", "e-1", InlinePing.EventName, 1, 1, services);
        return (services, services.GetRequiredService<FunctionCatalog>(), context);
    }

    private static Event<InlinePing> Envelope(InlinePing ping) => new("e-1", InlinePing.EventName, DateTimeOffset.UnixEpoch, ping);
}
