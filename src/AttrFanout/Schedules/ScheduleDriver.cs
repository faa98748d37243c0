using AttrFanout.Sending;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Schedules;

/// <summary>
/// Sends each scheduled function's ticks as events whose Id is the tick itself (<see cref="ScheduleRule.TickEventId"/>):
/// every process sharing the store sends every tick, and the store's deduplication keeps exactly one event, so one run,
/// per tick. Ticks missed while nothing ran are not backfilled, except one catch-up tick at start when asked.
/// </summary>
internal sealed class ScheduleDriver(
    IReadOnlyList<ScheduledFunction> schedules,
    EventAcceptor acceptor,
    TimeProvider time,
    ILogger logger,
    FailureThrottle failures,
    TimeSpan catchUpWindow)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait: a timer cannot wait past ~49 days, and a yearly tick is further off.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    public Task[] Start(CancellationToken stopping)
    {
        if (schedules.Count == 0)
        {
            return [];
        }

        using (ExecutionContext.SuppressFlow())
        {
            return [.. schedules.Select(schedule => Task.Run(() => RunAsync(schedule, stopping), CancellationToken.None))];
        }
    }

    private async Task RunAsync(ScheduledFunction schedule, CancellationToken stopping)
    {
        var after = time.GetUtcNow();
        ScheduleLog.Started(logger, schedule.Function.Id, schedule.Cron, schedule.NextAfter(after));
        if (schedule.CatchUp && schedule.LatestBetween(after - catchUpWindow, after) is { } missed)
        {
            await SendAsync(schedule, missed, isCatchUp: true, stopping).ConfigureAwait(false);
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await TickAsync(schedule, after, stopping).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                Log.EngineFailure(logger, failures, "schedule", schedule.Function.Id, error);
                after = time.GetUtcNow();
                await Task.Delay(RetryPause, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Sends every tick after <paramref name="after"/> at its time, until the expression has no more ticks.</summary>
    private async Task TickAsync(ScheduledFunction schedule, DateTimeOffset after, CancellationToken stopping)
    {
        while (schedule.NextAfter(after) is { } tick)
        {
            for (var wait = tick - time.GetUtcNow(); wait > TimeSpan.Zero; wait = tick - time.GetUtcNow())
            {
                await Task.Delay(wait < LongestWait ? wait : LongestWait, time, stopping).ConfigureAwait(false);
            }

            await SendAsync(schedule, tick, isCatchUp: false, stopping).ConfigureAwait(false);
            var now = time.GetUtcNow();
            after = now > tick ? now : tick;
        }
    }

    /// <summary>Sends one tick, trying again after a pause while the store fails, until the next tick is due.</summary>
    private async Task SendAsync(ScheduledFunction schedule, DateTimeOffset tick, bool isCatchUp, CancellationToken stopping)
    {
        var functionId = schedule.Function.Id;
        var giveUpAt = schedule.NextAfter(tick) ?? DateTimeOffset.MaxValue;
        var envelope = new Event<ScheduledTick>(ScheduleRule.TickEventId(functionId, tick), schedule.EventName, tick, new ScheduledTick(functionId, tick, isCatchUp));
        while (true)
        {
            try
            {
                var sent = await acceptor.AcceptAsync(envelope, idChosenBySender: true, stopping).ConfigureAwait(false);
                if (sent.IsDuplicate)
                {
                    ScheduleLog.TickTakenElsewhere(logger, functionId, tick);
                }

                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                Log.EngineFailure(logger, failures, "store (sending a scheduled tick)", functionId, error);
                if (time.GetUtcNow() + RetryPause >= giveUpAt)
                {
                    if (failures.ShouldLog("schedule tick missed: " + functionId, error, out var repeated))
                    {
                        ScheduleLog.TickMissed(logger, functionId, tick, Math.Max(1, repeated));
                    }

                    return;
                }

                await Task.Delay(RetryPause, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
