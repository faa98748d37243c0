using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/backpressure.job")]
public sealed partial record QueuedJob(int Number);

/// <summary>Holds every job at a gate until the test opens it.</summary>
public sealed class JobGate
{
    public Signal Open { get; } = new();

    public Signal FirstEntered { get; } = new();

    public ConcurrentQueue<int> Started { get; } = new();
}

public static class BackpressureFunctions
{
    [OnEvent("tests/backpressure.job", Id = "backpressure-job")]
    public static async Task Work(QueuedJob job, FunctionContext context, CancellationToken ct)
    {
        var gate = context.Services.GetRequiredService<JobGate>();
        gate.Started.Enqueue(job.Number);
        gate.FirstEntered.Set();
        await gate.Open.Task.WaitAsync(ct);
    }
}

public sealed class BackpressureTests
{
    [Fact]
    public async Task A_send_waits_while_the_queue_is_full_and_completes_once_it_drains()
    {
        await using var app = TestApp.Create(
            o =>
            {
                o.MaxConcurrency = 1;
                o.QueueCapacity = 2;
            },
            s => s.AddSingleton<JobGate>());
        var gate = app.Get<JobGate>();

        var first = await app.Sender.SendAsync(new QueuedJob(1));
        await gate.FirstEntered.Task.Safe();
        await app.Sender.SendAsync(new QueuedJob(2));
        await app.Sender.SendAsync(new QueuedJob(3));
        var blocked = app.Sender.SendAsync(new QueuedJob(4)).AsTask();

        Assert.False(blocked.IsCompleted);
        Assert.Equal(2, app.Store.QueuedCount);

        gate.Open.Set();
        var fourth = await blocked.Safe();
        await app.CompletionOf(first.RunIds.Concat(fourth.RunIds));
        Assert.Equal([1, 2, 3, 4], gate.Started.Order());
    }

    [Fact]
    public async Task A_waiting_send_can_be_cancelled_and_adds_nothing()
    {
        await using var app = TestApp.Create(
            o =>
            {
                o.MaxConcurrency = 1;
                o.QueueCapacity = 1;
            },
            s => s.AddSingleton<JobGate>());
        var gate = app.Get<JobGate>();
        await app.Sender.SendAsync(new QueuedJob(1));
        await gate.FirstEntered.Task.Safe();
        await app.Sender.SendAsync(new QueuedJob(2));

        using var cancel = new CancellationTokenSource();
        var blocked = app.Sender.SendAsync(new QueuedJob(3), cancellationToken: cancel.Token).AsTask();
        Assert.False(blocked.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.Safe());
        Assert.Equal(1, app.Store.QueuedCount);
        gate.Open.Set();
    }
}
