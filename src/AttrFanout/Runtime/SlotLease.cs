namespace AttrFanout.Runtime;

/// <summary>A run's hold on its function's concurrency slot and, when there is a process-wide limit, a shared slot; released once, however often disposed.</summary>
internal sealed class SlotLease(SemaphoreSlim function, SharedSlots? shared, int functionIndex) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            shared?.Release(functionIndex);
            function.Release();
        }
    }
}
