using System.Diagnostics;

namespace Signup;

/// <summary>Prints every run attempt as it ends, from the spans of the <c>AttrFanout</c> ActivitySource.</summary>
internal sealed class Timeline : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public Timeline()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == "AttrFanout",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Note(string text) => Write($"{text}");

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.GetTagItem("attrfanout.function") is not string function)
        {
            return;
        }

        var outcome = activity.GetTagItem("attrfanout.outcome") as string ?? "?";
        var attempt = activity.GetTagItem("attrfanout.attempt");
        var error = activity.Status == ActivityStatusCode.Error ? $"  {activity.StatusDescription}" : "";
        Write($"{function,-22} attempt {attempt}  {outcome}{error}");
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            Console.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.000}s] {line}");
        }
    }
}
