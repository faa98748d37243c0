using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Runtime;

/// <summary>Runs every function subscribed to an event, each in its own run, in parallel.</summary>
internal sealed partial class FanoutEngine(FunctionCatalog catalog, IServiceScopeFactory scopes, TimeProvider time, ILogger<FanoutEngine> logger) : IEventSender
{
    public ValueTask<SendResult> SendAsync<TPayload>(TPayload payload, SendOptions? options = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload
    {
        ArgumentNullException.ThrowIfNull(payload);
        var envelope = new Event<TPayload>(options?.Id ?? Guid.CreateVersion7().ToString("N"), TPayload.EventName, time.GetUtcNow(), payload);
        var functions = catalog.GetFunctions(envelope.Name);
        var runIds = new string[functions.Length];
        for (var i = 0; i < functions.Length; i++)
        {
            var function = functions[i];
            var runId = Guid.CreateVersion7().ToString("N");
            runIds[i] = runId;
            _ = Task.Run(() => ExecuteAsync(function, envelope, runId), CancellationToken.None);
        }

        return new ValueTask<SendResult>(new SendResult(envelope.Id, runIds, isDuplicate: false));
    }

    private async Task ExecuteAsync(FunctionDescriptor function, EventEnvelope envelope, string runId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new FunctionContext(runId, function.Id, envelope.Id, envelope.Name, attempt: 1, maxAttempts: 1, scope.ServiceProvider);
        try
        {
            await function.InvokeAsync(scope.ServiceProvider, envelope, context, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogRunFailed(function.Id, envelope.Id, ex);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Function '{FunctionId}' failed for event '{EventId}'.")]
    private partial void LogRunFailed(string functionId, string eventId, Exception exception);
}
