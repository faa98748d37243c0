using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Benchmarks;

/// <summary>
/// Runs per second through AttrFanout on JetStream (send, fan out to one function, execute, ack) beside a raw
/// NATS.Client.JetStream loop doing the same work (publish with a message Id and wait for its ack, pull, ack) on the
/// same server, in a stream with the same storage, retention and duplicate window. Each operation moves
/// <see cref="Messages"/> messages; both publish <see cref="InFlight"/> at a time. An operation ends when every message
/// was handled and its stream holds none any more: every consumer (the intake too, when on) acknowledged every message,
/// so work left behind cannot pile up across operations. Before BenchmarkDotNet's own warm-up, each side runs its loop
/// for <see cref="WarmUpTime"/>, so the JIT has compiled both to their final tier and the short job measures steady state.
/// </summary>
[MemoryDiagnoser]
public class JetStreamThroughputBenchmarks
{
    private const int InFlight = 256;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(8);
    private NatsServerProcess _server = null!;
    private ServiceProvider _app = null!;
    private IEventSender _sender = null!;
    private TickCounter _counter = null!;
    private NatsConnection _raw = null!;
    private NatsJSContext _js = null!;
    private INatsJSConsumer _rawConsumer = null!;
    private int _rawSequence;

    internal IEventSender Sender => _sender;

    internal TickCounter Counter => _counter;

    internal TimeSpan ServerCpuTime => _server.CpuTime;

    /// <summary>Gets how many messages the AttrFanout stream still holds: events some consumer (the intake too) has not acknowledged.</summary>
    internal async Task<ulong> BacklogAsync() => (ulong)(await _js.GetStreamAsync("ATTRFANOUT")).Info.State.Messages;

    [Params(2000)]
    public int Messages { get; set; }

    /// <summary>
    /// Gets or sets whether the app runs the intake consumer (on by default). It reads only the ingress subjects, and the
    /// events sent here go straight to their function's routed subject, so it should cost nothing here.
    /// </summary>
    [Params(true, false)]
    public bool Intake { get; set; }

    [GlobalSetup(Target = nameof(RawJetStream))]
    public async Task SetupRawAsync()
    {
        await SetupAsync();
        await WarmUpAsync(RawJetStream);
    }

    [GlobalSetup(Target = nameof(AttrFanoutOnJetStream))]
    public async Task SetupAttrFanoutAsync()
    {
        await SetupAsync();
        await WarmUpAsync(AttrFanoutOnJetStream);
    }

    public async Task SetupAsync()
    {
        _server = NatsServerProcess.Start();
        _counter = new TickCounter();
        _app = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_counter)
            .AddAttrFanout(o =>
            {
                o.MaxConcurrency = 64;
                o.UseNatsJetStream(_server.Url, n => n.DeadLetterUnroutable = Intake);
            })
            .BuildServiceProvider();
        _sender = _app.GetRequiredService<IEventSender>();
        var warm = _counter.Expect(1);
        await _sender.SendAsync(new Tick(0));
        await warm;

        _raw = new NatsConnection(new NatsOpts { Url = _server.Url });
        await _raw.ConnectAsync();
        _js = new NatsJSContext(_raw);
        await _js.CreateStreamAsync(new StreamConfig("RAW", ["raw.>"]) { Retention = StreamConfigRetention.Interest, DuplicateWindow = TimeSpan.FromHours(24) });
        _rawConsumer = await _js.CreateOrUpdateConsumerAsync("RAW", new ConsumerConfig("raw") { AckPolicy = ConsumerConfigAckPolicy.Explicit, FilterSubject = "raw.tick" });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _app.DisposeAsync();
        await _raw.DisposeAsync();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw JetStream publish + pull + ack")]
    public async Task RawJetStream()
    {
        var consumed = ConsumeRawAsync(Messages);
        var pending = new List<Task>(InFlight);
        for (var i = 0; i < Messages; i++)
        {
            var n = Interlocked.Increment(ref _rawSequence);
            var headers = new NatsHeaders { ["Nats-Msg-Id"] = "raw-" + n };
            pending.Add(_js.PublishAsync("raw.tick", Encoding.UTF8.GetBytes($$"""{"N":{{n}}}"""), NatsRawSerializer<byte[]>.Default, headers: headers).AsTask());
            if (pending.Count == InFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        await consumed;
        await DrainedAsync("RAW");
    }

    [Benchmark(Description = "AttrFanout on JetStream: send + run + ack")]
    public async Task AttrFanoutOnJetStream()
    {
        var done = _counter.Expect(Messages);
        var pending = new List<Task>(InFlight);
        for (var i = 0; i < Messages; i++)
        {
            pending.Add(_sender.SendAsync(new Tick(i)).AsTask());
            if (pending.Count == InFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        await done;
        await DrainedAsync("ATTRFANOUT");
    }

    private static async Task WarmUpAsync(Func<Task> operation)
    {
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUpTime)
        {
            await operation();
        }
    }

    /// <summary>Waits until the server removed every message of <paramref name="stream"/>, each acknowledged by all its consumers.</summary>
    private async Task DrainedAsync(string stream)
    {
        while ((await _js.GetStreamAsync(stream)).Info.State.Messages > 0)
        {
            await Task.Delay(1);
        }
    }

    private async Task ConsumeRawAsync(int count)
    {
        var received = 0;
        await foreach (var message in _rawConsumer.ConsumeAsync(NatsRawSerializer<byte[]>.Default, new NatsJSConsumeOpts { MaxMsgs = 256 }))
        {
            _ = message.Data;
            await message.AckAsync();
            if (++received == count)
            {
                return;
            }
        }
    }
}
