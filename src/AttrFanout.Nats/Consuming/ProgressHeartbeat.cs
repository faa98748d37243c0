namespace AttrFanout.Nats.Consuming;

/// <summary>Sends in-progress acks for a delivered message at a quarter of its ack wait, until disposed, so a long run keeps its delivery.</summary>
internal sealed class ProgressHeartbeat : IAsyncDisposable
{
    private readonly DeliveredMessage _message;
    private readonly ITimer _timer;
    private int _sending;

    public ProgressHeartbeat(DeliveredMessage message, TimeSpan ackWait, TimeProvider time)
    {
        _message = message;
        var interval = ackWait / 4;
        _timer = time.CreateTimer(static state => ((ProgressHeartbeat)state!).Beat(), this, interval, interval);
    }

    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    private void Beat()
    {
        if (Interlocked.Exchange(ref _sending, 1) == 1)
        {
            return;
        }

        _ = SendAsync();
    }

    private async Task SendAsync()
    {
        try
        {
            await _message.ProgressAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The next beat tries again; if the connection is gone, the server redelivers the run after its ack wait.
        }
        finally
        {
            Volatile.Write(ref _sending, 0);
        }
    }
}
