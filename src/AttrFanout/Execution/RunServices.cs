using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Execution;

/// <summary>
/// The services of one attempt: a DI scope created on first use, so an attempt whose handler resolves nothing (a static
/// handler that does not touch <see cref="FunctionContext.Services"/>) pays for no scope. Disposed when the attempt ends.
/// </summary>
internal sealed class RunServices(IServiceScopeFactory scopes) : IServiceProvider, IKeyedServiceProvider, ISupportRequiredService, IAsyncDisposable
{
    private IServiceScope? _scope;

    private IServiceProvider Scope => (Volatile.Read(ref _scope) ?? CreateScope()).ServiceProvider;

    public object? GetService(Type serviceType) => Scope.GetService(serviceType);

    public object GetRequiredService(Type serviceType) => Scope.GetRequiredService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => Scope.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => Scope.GetRequiredKeyedService(serviceType, serviceKey);

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _scope, null) switch
    {
        IAsyncDisposable scope => scope.DisposeAsync(),
        IDisposable scope => Dispose(scope),
        _ => ValueTask.CompletedTask,
    };

    private static ValueTask Dispose(IDisposable scope)
    {
        scope.Dispose();
        return ValueTask.CompletedTask;
    }

    private IServiceScope CreateScope()
    {
        var created = scopes.CreateScope();
        var existing = Interlocked.CompareExchange(ref _scope, created, null);
        if (existing is null)
        {
            return created;
        }

        created.Dispose();
        return existing;
    }
}
