using System.Threading.Channels;
using AttrFanout.Benchmarks.Infrastructure;

namespace AttrFanout.Benchmarks.Fanout;

/// <summary>The limit: one bounded channel per function, one consumer loop each, the method called directly.</summary>
public sealed class HandWrittenFanout : IAsyncDisposable
{
    private readonly Channel<FanoutTick>[] _channels;
    private readonly Task[] _consumers;

    public HandWrittenFanout(int functions, int capacity, Countdown calls)
    {
        _channels = new Channel<FanoutTick>[functions];
        _consumers = new Task[functions];
        for (var i = 0; i < functions; i++)
        {
            var channel = Channel.CreateBounded<FanoutTick>(new BoundedChannelOptions(capacity) { SingleReader = true });
            _channels[i] = channel;
            _consumers[i] = Task.Run(() => ConsumeAsync(channel.Reader, calls));
        }
    }

    public async ValueTask SendAsync(FanoutTick tick)
    {
        foreach (var channel in _channels)
        {
            if (!channel.Writer.TryWrite(tick))
            {
                await channel.Writer.WriteAsync(tick).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.Complete();
        }

        await Task.WhenAll(_consumers).ConfigureAwait(false);
    }

    private static async Task ConsumeAsync(ChannelReader<FanoutTick> reader, Countdown calls)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var tick))
            {
                try
                {
                    Handle(tick, calls);
                }
                catch (Exception)
                {
                    // A real fan-out would retry here; the benchmark's handlers never fail.
                }
            }
        }
    }

    private static void Handle(FanoutTick tick, Countdown calls) => calls.Signal();
}
