using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/scope.ping")]
public sealed partial record ScopedPing(bool FailFirstAttempt);

public sealed class ScopedUnitOfWork : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

public sealed class ScopeLog
{
    public ConcurrentQueue<ScopedUnitOfWork> Seen { get; } = new();
}

public sealed class ScopedHandler(ScopedUnitOfWork unitOfWork, ScopeLog log)
{
    [OnEvent("tests/scope.ping", Id = "scope-handler", Retries = 1)]
    public Task Handle(ScopedPing ping, FunctionContext context)
    {
        log.Seen.Enqueue(unitOfWork);
        Assert.Same(unitOfWork, context.Services.GetRequiredService<ScopedUnitOfWork>());
        if (ping.FailFirstAttempt && context.Attempt == 1)
        {
            throw new InvalidOperationException("first attempt fails");
        }

        return Task.CompletedTask;
    }
}

public sealed class ScopeTests
{
    [Fact]
    public async Task An_instance_handler_is_resolved_in_a_fresh_scope_per_attempt_that_is_disposed_afterwards()
    {
        await using var app = TestApp.Create(services: s => s.AddScoped<ScopedUnitOfWork>().AddSingleton<ScopeLog>());

        var first = await app.Sender.SendAsync(new ScopedPing(FailFirstAttempt: true));
        await app.RunToEndAsync(first.RunIds);
        var second = await app.Sender.SendAsync(new ScopedPing(FailFirstAttempt: false));
        await app.CompletionOf(second.RunIds);

        var seen = app.Get<ScopeLog>().Seen.ToArray();
        Assert.Equal(3, seen.Length);
        Assert.Equal(3, seen.Select(s => s.Id).Distinct().Count());
        Assert.All(seen, s => Assert.True(s.Disposed));
    }
}
