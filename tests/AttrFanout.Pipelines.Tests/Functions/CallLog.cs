using System.Collections.Concurrent;

namespace AttrFanout.Pipelines.Tests.Functions;

/// <summary>Every call of a handler: which function, which attempt of its run, and when on the test's clock.</summary>
public sealed class CallLog(TimeProvider time)
{
    private readonly ConcurrentQueue<(string FunctionId, string RunId, int Attempt, DateTimeOffset At)> _calls = new();

    public void Record(FunctionContext context) => _calls.Enqueue((context.FunctionId, context.RunId, context.Attempt, time.GetUtcNow()));

    public int CountOf(string functionId) => _calls.Count(c => c.FunctionId == functionId);

    public DateTimeOffset[] TimesOf(string functionId) => _calls.Where(c => c.FunctionId == functionId).Select(c => c.At).Order().ToArray();
}
