using System.Collections.Concurrent;
using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/worker.job")]
public sealed partial record WorkerJob(bool Explode);

public sealed class WorkerJobLog
{
    public ConcurrentQueue<bool> Handled { get; } = new();
}

public static class WorkerFunctions
{
    [OnEvent("tests/worker.job", Id = "worker-sync-thrower", Retries = 0, Concurrency = 1)]
    public static void SyncThrower(WorkerJob job, FunctionContext context)
    {
        context.Services.GetRequiredService<WorkerJobLog>().Handled.Enqueue(job.Explode);
        if (job.Explode)
        {
            throw new StackOverflowLikeException();
        }
    }

    public sealed class StackOverflowLikeException() : Exception("a handler bug");
}

/// <summary>Throws from the store once, as a broken database would, to prove the worker survives it.</summary>
internal sealed class StoreThatFailsOnce(InMemoryFanoutStore inner, bool onTake) : IFanoutStore
{
    private int _failures = 1;

    public bool IsDurable => inner.IsDurable;

    public ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken) => inner.AcceptAsync(submission, cancellationToken);

    public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken) => inner.WaitForRunAsync(functionId, cancellationToken);

    public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken) =>
        onTake && functionId == "worker-sync-thrower" && Interlocked.Exchange(ref _failures, 0) == 1
            ? throw new InvalidOperationException("store unavailable")
            : inner.TryTakeRunAsync(functionId, cancellationToken);

    public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken) =>
        !onTake && Interlocked.Exchange(ref _failures, 0) == 1
            ? throw new InvalidOperationException("store unavailable")
            : inner.ReportAsync(outcome, cancellationToken);

    public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

    public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken) => inner.ListFailedAsync(query, cancellationToken);

    public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReplayAsync(runId, newRunId, now, cancellationToken);
}

public sealed class WorkerResilienceTests
{
    [Fact]
    public async Task A_handler_exception_fails_only_its_run_and_the_worker_goes_on_with_the_next()
    {
        await using var app = TestApp.Create(o => o.MaxConcurrency = 1, s => s.AddSingleton<WorkerJobLog>());

        var bad = await app.Sender.SendAsync(new WorkerJob(Explode: true));
        var good = await app.Sender.SendAsync(new WorkerJob(Explode: false));
        var runs = await app.CompletionOf(bad.RunIds.Concat(good.RunIds));

        Assert.Equal(RunStatus.Failed, runs[0].Status);
        Assert.Equal(typeof(WorkerFunctions.StackOverflowLikeException).FullName, runs[0].ErrorType);
        Assert.Equal(RunStatus.Succeeded, runs[1].Status);
        Assert.Equal([true, false], app.Get<WorkerJobLog>().Handled);
        Assert.Equal(1, app.Logs.Count(eventId: 1004));
        Assert.Equal(0, app.Logs.Count(eventId: 1005));
    }

    [Fact]
    public async Task An_unexpected_engine_error_is_logged_and_the_worker_continues()
    {
        await using var app = TestApp.Create(
            services: s => s
                .AddSingleton<WorkerJobLog>()
                .AddSingleton<IFanoutStore>(sp => new StoreThatFailsOnce(new InMemoryFanoutStore(100, sp.GetRequiredService<TimeProvider>()), onTake: true)));

        var result = await app.Sender.SendAsync(new WorkerJob(Explode: false));
        var run = await app.RunToEndAsync(result.RunIds[0]);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var error = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 1005);
        Assert.Equal("store unavailable", error.Exception?.Message);
        Assert.Contains("worker-sync-thrower", error.Message);
    }

    [Fact]
    public async Task A_store_error_while_recording_an_outcome_is_logged_and_later_runs_still_complete()
    {
        await using var app = TestApp.Create(
            o => o.MaxConcurrency = 1,
            s => s
                .AddSingleton<WorkerJobLog>()
                .AddSingleton<IFanoutStore>(sp => new StoreThatFailsOnce(new InMemoryFanoutStore(100, sp.GetRequiredService<TimeProvider>()), onTake: false)));

        await app.Sender.SendAsync(new WorkerJob(Explode: false));
        var second = await app.Sender.SendAsync(new WorkerJob(Explode: false));

        Assert.Equal(RunStatus.Succeeded, (await app.CompletionOf(second.RunIds[0])).Status);
        var error = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 1005);
        Assert.Equal("store unavailable", error.Exception?.Message);
        Assert.Equal(2, app.Get<WorkerJobLog>().Handled.Count);
    }
}
