using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Engine;

/// <summary>
/// Takes the due runs of one function from the store, one at a time and only when the function has a free slot (and
/// the process a shared one, when it has a limit), so runs not yet started stay in the store; each taken run executes
/// on its own task.
/// </summary>
internal sealed class FunctionWorker(
    FunctionPlan plan,
    IFanoutStore store,
    TimeProvider time,
    ILogger logger,
    FailureThrottle failures)
{
    private const string Where = "store (taking runs)";

    public string FunctionId => plan.Function.Id;

    public async Task RunAsync(CancellationToken stopping)
    {
        var functionId = plan.Function.Id;
        var failing = false;
        plan.Slots.StopWaitingOn(stopping);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!await store.WaitForRunAsync(functionId, stopping).ConfigureAwait(false))
                {
                    return;
                }

                await plan.Slots.WaitAsync(stopping).ConfigureAwait(false);
                if (plan.SharedSlots is { } sharedSlots)
                {
                    try
                    {
                        await sharedSlots.AcquireAsync(plan.Index, stopping).ConfigureAwait(false);
                    }
                    catch
                    {
                        plan.Slots.Release();
                        throw;
                    }
                }

                RunDelivery? delivery;
                try
                {
                    delivery = await store.TryTakeRunAsync(functionId, stopping).ConfigureAwait(false);
                }
                catch
                {
                    ReleaseSlots();
                    throw;
                }

                if (delivery is null)
                {
                    ReleaseSlots();
                    continue;
                }

                if (failing)
                {
                    failing = false;
                    failures.Recovered(Where);
                }

                plan.Executor.Start(new RunState(plan, delivery));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                failing = true;
                Log.EngineFailure(logger, failures, Where, functionId, error);
                await PauseAsync(stopping).ConfigureAwait(false);
            }
        }
    }

    private void ReleaseSlots() => plan.ReleaseSlots();

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
