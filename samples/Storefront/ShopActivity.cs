using System.Collections.Concurrent;

namespace Storefront;

/// <summary>What the shop's functions did, for the sample to wait on and print.</summary>
public sealed class ShopActivity
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _batches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _searches = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _reports = new();
    private readonly ConcurrentQueue<string> _reminders = new();
    private readonly SemaphoreSlim _changed = new(0);

    public IReadOnlyDictionary<string, ConcurrentQueue<int>> Batches => _batches;

    public IReadOnlyDictionary<string, ConcurrentQueue<string>> Searches => _searches;

    public IReadOnlyCollection<string> Reports => _reports;

    public IReadOnlyCollection<string> Reminders => _reminders;

    public int PageViewsStored => _batches.Values.Sum(static sizes => sizes.Sum());

    public void Batch(string tenantId, int size) => Record(() => _batches.GetOrAdd(tenantId, static _ => new()).Enqueue(size));

    public void Searched(string sessionId, string query) => Record(() => _searches.GetOrAdd(sessionId, static _ => new()).Enqueue(query));

    public void Reported(string tickId) => Record(() => _reports.Enqueue(tickId));

    public void ReminderWaiting(string cartId) => Record(() => _reminders.Enqueue($"{cartId} waiting"));

    public void Reminded(string cartId) => Record(() => _reminders.Enqueue($"{cartId} reminded"));

    /// <summary>Waits until <paramref name="done"/> holds, re-checking whenever a function records something.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (!done())
        {
            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return done();
            }
        }

        return true;
    }

    private void Record(Action change)
    {
        change();
        _changed.Release();
    }
}
