using System.Collections.Concurrent;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Engine;

/// <summary>
/// The flow-control slots this process's executing attempts hold, renewed together every third of
/// <see cref="AttrFanoutOptions.FlowControlLease"/> by one timer for the whole process. A process that dies stops renewing,
/// so its slots come back to the others when their leases run out.
/// </summary>
internal sealed class FlowLeases(IFlowControlStore store, TimeProvider time, TimeSpan lease, ILogger logger, FailureThrottle failures) : IDisposable
{
    private const string Where = "flow control (renewing slot leases)";

    private readonly ConcurrentDictionary<string, string[]> _held = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private int _renewing;
    private bool _disposed;

    /// <summary>Gets how long a slot is held unless renewed.</summary>
    public TimeSpan Lease { get; } = lease;

    /// <summary>Gets how many holders this process renews.</summary>
    public int HolderCount => _held.Count;

    /// <summary>Starts the renewals.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_timer is not null || _disposed)
            {
                return;
            }

            var every = Lease / 3;
            _timer = time.CreateTimer(static state => ((FlowLeases)state!).Renew(), this, every, every);
        }
    }

    /// <summary>Renews <paramref name="slots"/> for <paramref name="holder"/> until <see cref="Forget"/>.</summary>
    public void Hold(string holder, string[] slots) => _held[holder] = slots;

    public void Forget(string holder) => _held.TryRemove(holder, out _);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Renew()
    {
        if (_held.IsEmpty || Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        _ = RenewAllAsync();
    }

    private async Task RenewAllAsync()
    {
        try
        {
            var until = time.GetUtcNow() + Lease;
            foreach (var (holder, slots) in _held)
            {
                foreach (var slot in slots)
                {
                    await store.RenewSlotAsync(slot, holder, until, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (Exception error)
        {
            Log.EngineFailure(logger, failures, Where, "(all)", error);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }
}
