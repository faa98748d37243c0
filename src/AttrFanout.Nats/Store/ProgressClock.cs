using System.Collections.Concurrent;
using AttrFanout.Nats.Consuming;

namespace AttrFanout.Nats.Store;

/// <summary>
/// One timer for every delivery this process holds: on each tick, each feed keeps its untaken messages alive (see
/// <see cref="ConsumerFeed.KeepAlive"/>), and each run in flight gets an in-progress ack when its delivery would
/// otherwise go a quarter of its ack wait without one, so a long run keeps its delivery as long as its process lives.
/// </summary>
/// <remarks>
/// A delivery's clock is taken to start when it is read (the server started it at most a tick earlier: a tick moves
/// every unread message out of the channel), so each is acked once its quarter minus a tick has passed since it was
/// read or last acked: the first in-progress ack reaches the server within half the ack wait of the delivery, the
/// next ones a quarter apart.
/// </remarks>
internal sealed class ProgressClock : IAsyncDisposable
{
    /// <summary>The longest time between ticks: also how soon an unanswered pull request or a starved feed is noticed.</summary>
    internal static readonly TimeSpan MaxTick = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<ConsumerFeed> _feeds;
    private readonly ConcurrentDictionary<string, InFlightRun> _inFlight;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly long _tick;
    private int _ticking;

    public ProgressClock(IReadOnlyList<ConsumerFeed> feeds, ConcurrentDictionary<string, InFlightRun> inFlight, TimeProvider time)
    {
        _feeds = feeds;
        _inFlight = inFlight;
        _time = time;
        var tick = MaxTick;
        foreach (var feed in feeds)
        {
            tick = feed.AckWait / 4 < tick ? feed.AckWait / 4 : tick;
        }

        _tick = (long)(tick.TotalSeconds * time.TimestampFrequency);
        _timer = time.CreateTimer(static state => ((ProgressClock)state!).Tick(), this, tick, tick);
    }

    /// <summary>Converts a quarter of <paramref name="ackWait"/> to timestamp units: the longest a held delivery goes without an in-progress ack.</summary>
    public static long ProgressInterval(TimeSpan ackWait, TimeProvider time) => (long)(ackWait.TotalSeconds / 4 * time.TimestampFrequency);

    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    private void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            foreach (var feed in _feeds)
            {
                feed.KeepAlive(now, Math.Max(0, ProgressInterval(feed.AckWait, _time) - _tick));
            }

            foreach (var run in _inFlight.Values)
            {
                run.Message.KeepAlive(now, Math.Max(0, run.ProgressInterval - _tick));
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }
}
