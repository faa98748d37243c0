namespace Signup.Services;

/// <summary>A sales channel that is down for its first few calls, to show a run retrying on its own.</summary>
public sealed class FlakySalesApi(int outages) : ISalesApi
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task NotifyAsync(string message, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call <= outages)
        {
            throw new HttpRequestException($"Sales API unavailable (503), call {call}");
        }

        return Task.CompletedTask;
    }
}
