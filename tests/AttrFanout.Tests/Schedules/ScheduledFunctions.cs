using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Schedules;

/// <summary>
/// Scheduled functions of the tests. Every test app turns them off (<see cref="Infrastructure.TestApp"/>); a schedule test
/// turns one on with a real expression through <c>AttrFanout:Functions:&lt;id&gt;:Schedule</c>. Ticks go to the app's <see cref="TickLog"/>.
/// </summary>
public static class ScheduledFunctions
{
    public const string Rare = "0 0 29 2 *";
    public const string EveryTenSeconds = "tests-every-ten-seconds";
    public const string ParisNight = "tests-paris-night";
    public const string CatchingUp = "tests-catching-up";
    public const string WithContext = "tests-schedule-context";
    public const string WithEvent = "tests-schedule-and-event";

    public static readonly string[] All = [EveryTenSeconds, ParisNight, CatchingUp, WithContext, WithEvent];

    [OnSchedule(Rare, Id = EveryTenSeconds)]
    public static void EveryTen(ScheduledTick tick, FunctionContext context) => Log(context).Record(tick);

    [OnSchedule(Rare, TimeZone = "Europe/Paris", Id = ParisNight)]
    public static Task NightlyInParis(CancellationToken cancellationToken, ScheduledTick tick, FunctionContext context)
    {
        Log(context).Record(tick);
        return Task.CompletedTask;
    }

    [OnSchedule(Rare, Id = CatchingUp, CatchUp = true)]
    public static ValueTask CatchUp(Event<ScheduledTick> tick, FunctionContext context)
    {
        Log(context).Record(tick.Data);
        return ValueTask.CompletedTask;
    }

    [OnSchedule(Rare, Id = WithContext, Retries = 0)]
    public static void ContextOnly(FunctionContext context) => Log(context).EventIds.Enqueue(context.EventId);

    /// <summary>One function started by an event and by its schedule; it records which trigger started each run.</summary>
    [OnEvent("tests/schedules.tidy", Id = WithEvent)]
    [OnSchedule(Rare, Retries = 0)]
    public static void Tidy(FunctionContext context) => Log(context).Triggers.Enqueue(context.EventName);

    private static TickLog Log(FunctionContext context) => context.Services.GetRequiredService<TickLog>();
}

/// <summary>The requests to tidy up now, the other trigger of <see cref="ScheduledFunctions.WithEvent"/>.</summary>
[Event("tests/schedules.tidy")]
public sealed partial record TidyRequested(string Reason);

/// <summary>The ticks one test app's scheduled functions received, in order.</summary>
public sealed class TickLog
{
    private readonly ConcurrentQueue<ScheduledTick> _ticks = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public ConcurrentQueue<string> EventIds { get; } = new();

    /// <summary>Gets the event names of the runs of <see cref="ScheduledFunctions.WithEvent"/>, which name their trigger.</summary>
    public ConcurrentQueue<string> Triggers { get; } = new();

    public ScheduledTick[] Ticks => [.. _ticks];

    public void Record(ScheduledTick tick)
    {
        _ticks.Enqueue(tick);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => _ticks.Count >= w.Count))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    public Task CountReached(int count)
    {
        lock (_gate)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            if (_ticks.Count >= count)
            {
                reached.TrySetResult();
            }

            return reached.Task;
        }
    }
}
