using System.Text;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// Runs cancelled while not executing: an entry <c>cancelled.{run}</c> in the flow bucket (its value the reason). Every
/// instance watches these entries and keeps their run Ids, so a delivery is checked with a lookup, not a read from the
/// server; a cancelled run met at delivery is recorded <see cref="RunStatus.Cancelled"/>, acknowledged, and its entry removed.
/// </summary>
internal sealed class CancelledRuns : IAsyncDisposable
{
    private static readonly NatsRawSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;
    private static readonly string Prefix = FlowKeyNames.Cancelled + ".";
    private readonly INatsKVStore _store;
    private readonly Dictionary<string, string> _reasons = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _watching;
    private volatile int _count;

    public CancelledRuns(INatsKVStore store, TimeProvider time)
    {
        _store = store;
        var stopping = _stopping.Token;
        _watching = Task.Run(() => WatchAsync(time, stopping), CancellationToken.None);
    }

    /// <summary>Marks a run cancelled, for whichever instance delivers it next.</summary>
    public async ValueTask MarkAsync(string runId, string reason, CancellationToken cancellationToken)
    {
        await _store.PutAsync(FlowKeyNames.For(FlowKeyNames.Cancelled, runId), Encoding.UTF8.GetBytes(reason), Raw, cancellationToken).ConfigureAwait(false);
        Remember(runId, reason);
    }

    /// <summary>Whether the run was cancelled before its delivery, and why; cheap when nothing is cancelled.</summary>
    public bool TryGet(string runId, out string reason)
    {
        reason = "";
        if (_count == 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (_reasons.TryGetValue(runId, out var found))
            {
                reason = found;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a run's mark from the server (for a run this instance may not have heard of yet).</summary>
    public async ValueTask<string?> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        var entry = await _store.TryGetEntryAsync(FlowKeyNames.For(FlowKeyNames.Cancelled, runId), serializer: Raw, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entry.Success ? Encoding.UTF8.GetString(entry.Value.Value ?? []) : null;
    }

    /// <summary>Removes the mark once the run was recorded cancelled.</summary>
    public async ValueTask ForgetAsync(string runId, CancellationToken cancellationToken)
    {
        Forget(runId);
        await _store.TryDeleteAsync(FlowKeyNames.For(FlowKeyNames.Cancelled, runId), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Remember(string runId, string reason)
    {
        lock (_gate)
        {
            _reasons[runId] = reason;
            _count = _reasons.Count;
        }
    }

    private void Forget(string runId)
    {
        lock (_gate)
        {
            _reasons.Remove(runId);
            _count = _reasons.Count;
        }
    }

    private async Task WatchAsync(TimeProvider time, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await foreach (var entry in _store.WatchAsync(Prefix + ">", Raw, new NatsKVWatchOpts(), stopping).ConfigureAwait(false))
                {
                    if (entry.Operation == NatsKVOperation.Put && entry.Value is { } value)
                    {
                        Remember(RunIdOf(entry.Key), Encoding.UTF8.GetString(value));
                    }
                    else
                    {
                        Forget(RunIdOf(entry.Key));
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
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Reads the run Id back from an entry's key.</summary>
    private static string RunIdOf(string key) => FlowKeyNames.Unescape(key.AsSpan(Prefix.Length));
}
