using System.Collections;
using AttrFanout.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Telemetry;

/// <summary>
/// The log scope an attempt runs in, so every line logged during it (the handler's own included) carries the run Id,
/// the function Id, the event Id and the attempt. A struct, begun only when a logging provider is registered
/// (<see cref="MayBeKept"/>): the logging factory allocates a scope even when it has no provider.
/// </summary>
internal readonly struct AttemptLogScope(RunState state) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string RunId = "RunId";
    public const string FunctionId = "FunctionId";
    public const string EventId = "EventId";
    public const string Attempt = "Attempt";

    public int Count => 4;

    /// <summary>
    /// Returns whether any provider may keep the scope: one is registered, or the logging factory is not the default one
    /// (whose scopes are then its own business).
    /// </summary>
    public static bool MayBeKept(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() is not LoggerFactory || services.GetServices<ILoggerProvider>().Any();

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(RunId, state.RunId),
        1 => new(FunctionId, state.FunctionId),
        2 => new(EventId, state.EventId),
        3 => new(Attempt, state.Attempt),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"{RunId}:{state.RunId} {FunctionId}:{state.FunctionId} {EventId}:{state.EventId} {Attempt}:{state.Attempt}";
}
