using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Benchmarks.Dispatch;

/// <summary>
/// One event into 5 no-op handlers, inline (no queue): direct calls, AttrFanout's generated dispatch table
/// (<see cref="FunctionCatalog.InvokeInlineAsync"/>), Mediator (source-generated, <c>TaskWhenAllPublisher</c>) and MediatR.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DispatchBenchmarks
{
    private readonly DispatchPing _ping = new(1);
    private readonly MediatorPing _mediatorPing = new(1);
    private readonly MediatRPing _mediatRPing = new(1);
    private ServiceProvider _attrFanoutServices = null!;
    private FunctionCatalog _catalog = null!;
    private Event<DispatchPing> _envelope = null!;
    private FunctionContext _context = null!;
    private ServiceProvider _mediatorServices = null!;
    private Mediator.Mediator _mediator = null!;
    private ServiceProvider _mediatRServices = null!;
    private MediatR.IMediator _mediatR = null!;

    [GlobalSetup]
    public void Setup()
    {
        _attrFanoutServices = new ServiceCollection().AddAttrFanout().BuildServiceProvider();
        _catalog = _attrFanoutServices.GetRequiredService<FunctionCatalog>();
        _envelope = new Event<DispatchPing>("event-1", DispatchPing.EventName, DateTimeOffset.UnixEpoch, _ping);
        _context = new FunctionContext("run-1", "inline", "event-1", DispatchPing.EventName, 1, 1, _attrFanoutServices);

        _mediatorServices = new ServiceCollection()
            .AddMediator(static o => o.NotificationPublisherType = typeof(Mediator.TaskWhenAllPublisher))
            .BuildServiceProvider();
        _mediator = _mediatorServices.GetRequiredService<Mediator.Mediator>();

        _mediatRServices = MediatRSetup.CreateServices();
        _mediatR = _mediatRServices.GetRequiredService<MediatR.IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _attrFanoutServices.Dispose();
        _mediatorServices.Dispose();
        _mediatRServices.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Direct calls")]
    public ValueTask Direct()
    {
        DispatchFunctions.One(_ping);
        DispatchFunctions.Two(_ping);
        DispatchFunctions.Three(_ping);
        DispatchFunctions.Four(_ping);
        DispatchFunctions.Five(_ping);
        return default;
    }

    [Benchmark(Description = "AttrFanout dispatch table")]
    public ValueTask AttrFanout() => _catalog.InvokeInlineAsync(_envelope, _attrFanoutServices, _context);

    [Benchmark(Description = "Mediator 3.0.2 Publish")]
    public ValueTask Mediator() => _mediator.Publish(_mediatorPing);

    [Benchmark(Description = "MediatR 5.1.0 Publish")]
    public Task MediatR() => _mediatR.Publish(_mediatRPing);
}
