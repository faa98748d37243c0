using System.Collections.Concurrent;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// The runs this process holds (queued, executing, or waiting for an in-process retry), with the function of each;
/// renews their leases on a <see cref="TimeProvider"/> timer every third of the lease duration, all renewals queued at
/// once so the writer commits them in one transaction.
/// </summary>
internal sealed class LeaseRenewer : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.Ordinal);
    private readonly Func<string, Task<bool>> _renew;
    private readonly Action<string> _onLost;
    private readonly Action<Exception> _onError;
    private readonly ITimer _timer;
    private int _renewing;

    public LeaseRenewer(TimeProvider time, TimeSpan leaseDuration, Func<string, Task<bool>> renew, Action<string> onLost, Action<Exception> onError)
    {
        _renew = renew;
        _onLost = onLost;
        _onError = onError;
        var period = leaseDuration / 3;
        _timer = time.CreateTimer(static state => _ = ((LeaseRenewer)state!).RenewAllAsync(), this, period, period);
    }

    public int Count => _held.Count;

    public void Hold(string runId, string functionId) => _held[runId] = functionId;

    public bool TryRelease(string runId, out string functionId) => _held.TryRemove(runId, out functionId!);

    public bool IsHeld(string runId) => _held.ContainsKey(runId);

    public async Task RenewAllAsync()
    {
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        try
        {
            var held = _held.Keys.ToArray();
            var renewed = await Task.WhenAll(Array.ConvertAll(held, runId => _renew(runId))).ConfigureAwait(false);
            for (var i = 0; i < held.Length; i++)
            {
                if (!renewed[i] && _held.ContainsKey(held[i]))
                {
                    _onLost(held[i]);
                }
            }
        }
        catch (Exception error)
        {
            _onError(error);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
