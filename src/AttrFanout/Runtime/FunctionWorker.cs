using AttrFanout.Execution;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Runtime;

/// <summary>
/// Takes the due runs of one function from the store, one at a time and only when a global and a function slot are
/// free, so runs not yet started stay in the store; each taken run executes on its own task.
/// </summary>
internal sealed class FunctionWorker(
    FunctionPlan plan,
    IFanoutStore store,
    SemaphoreSlim globalSlots,
    RunExecutor executor,
    RunTracker tracker,
    TimeProvider time,
    ILogger logger)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        var functionId = plan.Function.Id;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!await store.WaitForRunAsync(functionId, stopping).ConfigureAwait(false))
                {
                    return;
                }

                var slots = await AcquireSlotsAsync(stopping).ConfigureAwait(false);
                RunDelivery? delivery;
                try
                {
                    delivery = await store.TryTakeRunAsync(functionId, stopping).ConfigureAwait(false);
                }
                catch
                {
                    slots.Dispose();
                    throw;
                }

                if (delivery is null)
                {
                    slots.Dispose();
                    continue;
                }

                tracker.Track(Task.Run(() => executor.ExecuteAsync(plan, delivery, slots), CancellationToken.None));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                Log.EngineError(logger, functionId, error);
                await PauseAsync(stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task<SlotLease> AcquireSlotsAsync(CancellationToken stopping)
    {
        if (plan.Slots is { } functionSlots)
        {
            await functionSlots.WaitAsync(stopping).ConfigureAwait(false);
        }

        try
        {
            await globalSlots.WaitAsync(stopping).ConfigureAwait(false);
        }
        catch
        {
            plan.Slots?.Release();
            throw;
        }

        return new SlotLease(globalSlots, plan.Slots);
    }

    private async Task PauseAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
