using System.Collections.Concurrent;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>What the test functions did, and what they are told to do: fail, fail for good, or ask for a later retry.</summary>
public sealed class Journal
{
    private readonly object _gate = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waits = [];

    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    public ConcurrentQueue<FunctionFailed> Failures { get; } = new();

    /// <summary>Attempts as they start: function Id, subject and run Id.</summary>
    public ConcurrentQueue<(string FunctionId, string Subject, string RunId)> Started { get; } = new();

    /// <summary>Function Id → how many first attempts fail.</summary>
    public ConcurrentDictionary<string, int> FailFirst { get; } = new();

    /// <summary>Function Ids whose attempts fail with <see cref="NonRetriableException"/>.</summary>
    public ConcurrentDictionary<string, bool> FailForGood { get; } = new();

    /// <summary>Function Id → the delay its failing attempts ask for with <see cref="RetryAfterException"/>.</summary>
    public ConcurrentDictionary<string, TimeSpan> RetryAfter { get; } = new();

    /// <summary>Function Id → how long its attempts take.</summary>
    public ConcurrentDictionary<string, TimeSpan> Work { get; } = new();

    public async Task RecordAsync(FunctionContext context, string subject, CancellationToken cancellationToken = default)
    {
        Started.Enqueue((context.FunctionId, subject, context.RunId));
        Signal();
        var failFirst = FailFirst.GetValueOrDefault(context.FunctionId);
        var fails = context.Attempt <= failFirst || FailForGood.ContainsKey(context.FunctionId);
        if (Work.TryGetValue(context.FunctionId, out var work))
        {
            await Task.Delay(work, cancellationToken);
        }

        Attempts.Enqueue(new Attempt(context.FunctionId, context.RunId, context.EventId, subject, context.Attempt, !fails));
        Signal();
        if (FailForGood.ContainsKey(context.FunctionId))
        {
            throw new NonRetriableException($"{context.FunctionId} refuses {subject}");
        }

        if (context.Attempt <= failFirst)
        {
            if (RetryAfter.TryGetValue(context.FunctionId, out var delay))
            {
                throw new RetryAfterException(delay, $"{context.FunctionId} busy on attempt {context.Attempt}");
            }

            throw new InvalidOperationException($"{context.FunctionId} failed attempt {context.Attempt} for {subject}");
        }
    }

    public IReadOnlyList<Attempt> Of(string functionId, string subject) =>
        Attempts.Where(a => a.FunctionId == functionId && a.Subject == subject).OrderBy(a => a.Number).ToArray();

    /// <summary>Waits until <paramref name="condition"/> holds after some attempt; fails the test after a generous bound.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waits.Add((condition, done));
        }

        Signal();
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Timed out waiting for: {what}. Attempts so far: {string.Join("; ", Attempts)}");
        }
    }

    public void Signal()
    {
        lock (_gate)
        {
            _waits.RemoveAll(static w =>
            {
                if (!w.Condition())
                {
                    return false;
                }

                w.Done.TrySetResult();
                return true;
            });
        }
    }
}

public sealed record Attempt(string FunctionId, string RunId, string EventId, string Subject, int Number, bool Succeeded);
