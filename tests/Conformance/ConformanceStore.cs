using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AttrFanout.Conformance;

/// <summary>One store under test: apps over the same storage (so a second app is a restart), and how to wait on it.</summary>
public abstract class ConformanceStore : IAsyncDisposable
{
    /// <summary>Gets whether events and runs survive a restart of the app.</summary>
    public abstract bool IsDurable { get; }

    /// <summary>Gets whether the store finds a run by its Id once it succeeded, as its <see cref="Stores.IFanoutStore.KeepsSucceededRuns"/> says.</summary>
    public virtual bool KeepsSucceededRuns => true;

    /// <summary>Gets how many of a run's latest attempts the store keeps.</summary>
    public virtual int AttemptsKept => Stores.RunAttempts.DefaultLimit;

    /// <summary>
    /// Gets whether apps have the suite's generated functions (<see cref="ConformanceFunctions"/>), whose schedule every app
    /// turns off unless a test sets one; a store of hand-built functions says <see langword="false"/>.
    /// </summary>
    protected virtual bool HasConformanceFunctions => true;

    /// <summary>Builds an app over this store's storage with the conformance options; the caller starts it.</summary>
    protected abstract ServiceProvider Build(Action<AttrFanoutOptions> configure);

    /// <summary>Waits until <paramref name="condition"/> holds, moving the store's clock where it has a fake one; fails after a bound.</summary>
    public abstract Task UntilAsync(Func<Task<bool>> condition, string what);

    public async Task<ConformanceApp> StartAsync(Action<AttrFanoutOptions>? configure = null)
    {
        var provider = Build(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(1);
            if (HasConformanceFunctions)
            {
                o.Functions[ConformanceFunctions.Tick] = new FunctionOptions { Schedule = "off" };
            }

            configure?.Invoke(o);
        });
        var app = new ConformanceApp(provider, this);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return app;
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A started app of the conformance suite.</summary>
public sealed class ConformanceApp(ServiceProvider provider, ConformanceStore store) : IAsyncDisposable
{
    private bool _stopped;

    public IEventSender Sender => provider.GetRequiredService<IEventSender>();

    public IFunctionRuns Runs => provider.GetRequiredService<IFunctionRuns>();

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var hosted in provider.GetServices<IHostedService>().Reverse())
        {
            var stop = hosted.StopAsync(CancellationToken.None);
            await store.UntilAsync(() => Task.FromResult(stop.IsCompleted), "the app stops");
            await stop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        var disposal = provider.DisposeAsync().AsTask();
        await store.UntilAsync(() => Task.FromResult(disposal.IsCompleted), "the app is disposed");
        await disposal;
    }
}
