using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AttrFanout.Stores.InMemory;

/// <summary>Hands each request that an executing run stop to every watcher of the store (in memory: the one engine).</summary>
internal sealed class InMemoryCancellations
{
    private readonly Lock _gate = new();
    private readonly List<Channel<RunCancellation>> _watchers = [];

    public void Announce(RunCancellation cancellation)
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(cancellation);
            }
        }
    }

    public async IAsyncEnumerable<RunCancellation> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<RunCancellation>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _watchers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var cancellation))
                {
                    yield return cancellation;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
