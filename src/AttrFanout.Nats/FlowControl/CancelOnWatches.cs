using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// Cancelling events (<see cref="CancelOnAttribute"/>) recorded in the flow bucket, <c>cancelon.{function}:{event}</c>, since
/// a stream's runs cannot be searched: every instance watches the entries and keeps them by function, checks each delivery
/// of such a function against them before it starts, and is told of each new one (<see cref="Arrived"/>) to cancel the
/// matching runs it executes. An entry is kept <see cref="Kept"/> after its event, then dropped by the first instance that
/// reads it past that: the bound of the watch a rule without a timeout has on this store.
/// </summary>
internal sealed class CancelOnWatches : IAsyncDisposable
{
    /// <summary>How long a cancelling event is watched for at most on JetStream.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    private static readonly NatsRawSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;
    private static readonly string Prefix = FlowKeyNames.CancelOn + ".";
    private readonly INatsKVStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, CancelOnWatch>> _byFunction = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _watching;
    private volatile int _count;

    public CancelOnWatches(INatsKVStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        var stopping = _stopping.Token;
        _watching = Task.Run(() => WatchAsync(stopping), CancellationToken.None);
    }

    /// <summary>Raised for each entry this instance learns of (its own or another instance's), once.</summary>
    public event Action<CancelOnWatch>? Arrived;

    /// <summary>Records a cancelling event for every instance, and for this one at once.</summary>
    public async ValueTask RecordAsync(CancelOnWatch watch, CancellationToken cancellationToken)
    {
        await _store.PutAsync(KeyOf(watch.FunctionId, watch.EventId, watch.RuleIndex), watch.Encode(), Raw, cancellationToken).ConfigureAwait(false);
        Remember(watch);
    }

    /// <summary>The function's entries still kept; cheap when there are none.</summary>
    public IReadOnlyList<CancelOnWatch> Of(string functionId)
    {
        if (_count == 0)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        List<CancelOnWatch>? expired = null;
        CancelOnWatch[] found;
        lock (_gate)
        {
            if (!_byFunction.TryGetValue(functionId, out var watches))
            {
                return [];
            }

            found = [.. watches.Values];
        }

        var kept = new List<CancelOnWatch>(found.Length);
        foreach (var watch in found)
        {
            if (watch.Expires <= now)
            {
                (expired ??= []).Add(watch);
            }
            else
            {
                kept.Add(watch);
            }
        }

        if (expired is not null)
        {
            _ = DropAsync(expired);
        }

        return kept;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static string KeyOf(string functionId, string eventId, int ruleIndex) =>
        FlowKeyNames.For(FlowKeyNames.CancelOn, functionId + ":" + eventId + ":" + ruleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private bool Remember(CancelOnWatch watch)
    {
        lock (_gate)
        {
            if (!_byFunction.TryGetValue(watch.FunctionId, out var watches))
            {
                _byFunction[watch.FunctionId] = watches = new(StringComparer.Ordinal);
            }

            var key = watch.EventId + ":" + watch.RuleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!watches.TryAdd(key, watch))
            {
                return false;
            }

            _count++;
        }

        Arrived?.Invoke(watch);
        return true;
    }

    private void Forget(string functionId, string eventId, int ruleIndex)
    {
        lock (_gate)
        {
            if (_byFunction.TryGetValue(functionId, out var watches) && watches.Remove(eventId + ":" + ruleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                _count--;
            }
        }
    }

    private async Task DropAsync(List<CancelOnWatch> expired)
    {
        foreach (var watch in expired)
        {
            Forget(watch.FunctionId, watch.EventId, watch.RuleIndex);
            try
            {
                await _store.TryDeleteAsync(KeyOf(watch.FunctionId, watch.EventId, watch.RuleIndex), cancellationToken: _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Another instance drops it, or this one the next time it reads it.
            }
        }
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await foreach (var entry in _store.WatchAsync(Prefix + ">", Raw, new NatsKVWatchOpts(), stopping).ConfigureAwait(false))
                {
                    if (entry.Operation == NatsKVOperation.Put && entry.Value is { } value && CancelOnWatch.TryDecode(value, out var watch))
                    {
                        Remember(watch);
                    }
                }
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
