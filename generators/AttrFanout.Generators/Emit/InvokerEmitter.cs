using AttrFanout.Generators.Model;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes the direct, typed call of one handler inside its descriptor's static lambda.</summary>
internal static class InvokerEmitter
{
    /// <summary>
    /// This emits the lambda's body, e.g. for <c>Task Send(UserSignedUp signup, CancellationToken ct)</c>:
    /// <code>
    /// static (services, @event, context, cancellationToken) => new global::System.Threading.Tasks.ValueTask(
    ///     global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService&lt;global::MyApp.Welcome&gt;(services).Send(@event.Data, cancellationToken))
    /// </code>
    /// </summary>
    public static string Lambda(FunctionModel function)
    {
        var call = $"{Target(function)}.{function.MethodName}({Arguments(function)})";
        const string Parameters = "static (services, @event, context, cancellationToken) =>";
        return function.ReturnKind switch
        {
            HandlerReturnKind.ValueTask => $"{Parameters} {call}",
            HandlerReturnKind.Task => $"{Parameters} new global::System.Threading.Tasks.ValueTask({call})",
            _ => $"{Parameters} {{ {call}; return default; }}",
        };
    }

    private static string Target(FunctionModel function) => function.IsStatic
        ? function.ContainingTypeFqn
        : $"global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{function.ContainingTypeFqn}>(services)";

    private static string Arguments(FunctionModel function) =>
        string.Join(", ", function.Parameters.Select(static kind => kind switch
        {
            HandlerParameterKind.Payload => "@event.Data",
            HandlerParameterKind.Envelope => "@event",
            HandlerParameterKind.Context => "context",
            _ => "cancellationToken",
        }));
}
