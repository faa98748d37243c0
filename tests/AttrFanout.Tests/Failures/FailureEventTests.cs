using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Failures;

[Event("tests/failures.source")]
public sealed partial record DoomedJob(string Reason);

/// <summary>What the failure subscribers of one test saw.</summary>
public sealed class FailureInbox
{
    public ConcurrentQueue<Event<FunctionFailed>> Received { get; } = new();

    public Signal FirstReceived { get; } = new();

    public ConcurrentQueue<string> FailingSubscriberRuns { get; } = new();

    public Signal FailingSubscriberRan { get; } = new();
}

public static class FailureFunctions
{
    [OnEvent("tests/failures.source", Id = "failures-doomed", Retries = 2)]
    public static void Doomed(DoomedJob job) => throw new InvalidOperationException(job.Reason);

    [OnEvent("attrfanout/function.failed", Id = "failures-inbox")]
    public static void Inbox(Event<FunctionFailed> failed, FunctionContext context)
    {
        if (context.Services.GetService<FailureInbox>() is { } inbox)
        {
            inbox.Received.Enqueue(failed);
            inbox.FirstReceived.Set();
        }
    }

    [OnEvent("attrfanout/function.failed", Id = "failures-broken-alert")]
    public static void BrokenAlert(FunctionFailed failed, FunctionContext context)
    {
        if (context.Services.GetService<FailureInbox>() is { } inbox)
        {
            inbox.FailingSubscriberRuns.Enqueue(context.RunId);
            inbox.FailingSubscriberRan.Set();
            throw new NonRetriableException("the alerting system is down");
        }
    }
}

public sealed class FailureEventTests
{
    [Fact]
    public async Task A_run_that_exhausts_its_attempts_is_kept_as_failed_and_sends_function_failed()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<FailureInbox>());
        var inbox = app.Get<FailureInbox>();

        var result = await app.Sender.SendAsync(new DoomedJob("disk full"), new SendOptions { Id = "job-7" });
        var received = inbox.FirstReceived.Task;
        await app.Clock.AdvanceUntilAsync(received);

        var failure = Assert.Single(inbox.Received).Data;
        Assert.Equal("failures-doomed", failure.FunctionId);
        Assert.Equal(result.RunIds[0], failure.RunId);
        Assert.Equal("job-7", failure.EventId);
        Assert.Equal("tests/failures.source", failure.EventName);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.ErrorType);
        Assert.Equal("disk full", failure.ErrorMessage);

        var dead = Assert.Single(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "failures-doomed" }));
        Assert.Equal(result.RunIds[0], dead.RunId);
        Assert.Equal(failure.FailedAt, dead.FailedAt);
        Assert.Equal(3, dead.Attempts);
    }

    [Fact]
    public async Task A_failing_subscriber_of_function_failed_does_not_send_function_failed_again()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<FailureInbox>());
        var inbox = app.Get<FailureInbox>();

        var sent = await app.Sender.SendAsync(new DoomedJob("disk full"));
        await app.Clock.AdvanceUntilAsync(inbox.FailingSubscriberRan.Task);
        await app.Clock.AdvanceUntilAsync(inbox.FirstReceived.Task);
        var brokenRun = await app.CompletionOf(Assert.Single(inbox.FailingSubscriberRuns));
        // The failure event's third subscriber in this assembly (the conformance suite's) has run too: a run of it still
        // queued at the stop would look like a second failure event.
        await Safety.UntilAsync(() => Task.FromResult(AttrFanout.Conformance.ConformanceLog.AttemptsOf(sent.EventId, AttrFanout.Conformance.ConformanceFunctions.Failures + "/failures-doomed").Length > 0));
        await app.Engine.StopAsync().Safe();

        Assert.Equal(RunStatus.Failed, brokenRun.Status);
        Assert.Equal(0, app.Store.QueuedCount);
        Assert.Single(inbox.Received);
        Assert.Single(inbox.FailingSubscriberRuns);
        var failed = await app.Runs.ListFailedAsync();
        Assert.Equal(["failures-broken-alert", "failures-doomed"], failed.Select(r => r.FunctionId).Order());
    }

    [Fact]
    public void The_runtime_declares_the_failure_event_for_analyzers_and_the_catalog()
    {
        var services = new ServiceCollection().AddAttrFanout().BuildServiceProvider();
        var catalog = services.GetRequiredService<FunctionCatalog>();

        Assert.True(catalog.TryGetEvent(FunctionFailed.Name, out var descriptor));
        Assert.Equal(typeof(FunctionFailed), descriptor.PayloadType);
        Assert.Contains(
            typeof(FunctionFailed).Assembly.GetCustomAttributes(typeof(Generated.FanoutEventAttribute), false).Cast<Generated.FanoutEventAttribute>(),
            a => a.Name == "attrfanout/function.failed" && a.PayloadType == typeof(FunctionFailed));
    }
}
