namespace AttrFanout.Runtime;

/// <summary>A run's hold on the global and the function's concurrency slots; released once, however often disposed.</summary>
internal sealed class SlotLease(SemaphoreSlim global, SemaphoreSlim? function) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            global.Release();
            function?.Release();
        }
    }
}
