using AttrFanout.Generators.Model;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes the direct, typed call of one handler inside its descriptor's static lambda.</summary>
internal static class InvokerEmitter
{
    private const string Parameters = "static (services, @event, context, cancellationToken) => ";
    private const string BatchParameters = "static (services, events, context, cancellationToken) => ";
    private const string Enumerable = "global::System.Linq.Enumerable.";
    private const string GetRequiredService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<";

    /// <summary>
    /// This emits the lambda as one line, followed by <paramref name="suffix"/>, e.g. for <c>Task Send(UserSignedUp signup, CancellationToken ct)</c>:
    /// <code>
    /// static (services, @event, context, cancellationToken) => new global::System.Threading.Tasks.ValueTask(
    ///     global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService&lt;global::MyApp.Welcome&gt;(services).Send(@event.Data, cancellationToken))
    /// </code>
    /// </summary>
    public static void WriteLambda(SourceWriter writer, FunctionModel function, string suffix) =>
        WriteLambda(writer, function, Parameters, SingleArgument, suffix);

    /// <summary>
    /// This emits the <c>BatchInvoker</c> lambda of a <c>[Batch]</c> function as one line, e.g. for <c>Task Count(IReadOnlyList&lt;Click&gt; clicks)</c>:
    /// <code>
    /// static (services, events, context, cancellationToken) => new global::System.Threading.Tasks.ValueTask(
    ///     global::Shop.Clicks.Count(global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select(events, static e => e.Data))))
    /// </code>
    /// The single-event invoker of such a function calls the handler with a batch of one: <c>new[] { @event.Data }</c>.
    /// </summary>
    public static void WriteBatchLambda(SourceWriter writer, FunctionModel function, string suffix) =>
        WriteLambda(writer, function, BatchParameters, BatchArgument, suffix);

    private static void WriteLambda(SourceWriter writer, FunctionModel function, string parameters, Func<HandlerParameterKind, string> argument, string suffix)
    {
        writer.Write(parameters);
        switch (function.ReturnKind)
        {
            case HandlerReturnKind.ValueTask:
                WriteCall(writer, function, argument);
                break;
            case HandlerReturnKind.Task:
                writer.Write("new global::System.Threading.Tasks.ValueTask(");
                WriteCall(writer, function, argument);
                writer.Write(")");
                break;
            default:
                writer.Write("{ ");
                WriteCall(writer, function, argument);
                writer.Write("; return default; }");
                break;
        }

        writer.WriteLine(suffix);
    }

    private static string SingleArgument(HandlerParameterKind kind) => kind switch
    {
        HandlerParameterKind.Payload => "@event.Data",
        HandlerParameterKind.Envelope => "@event",
        HandlerParameterKind.Context => "context",
        HandlerParameterKind.PayloadList => "new[] { @event.Data }",
        HandlerParameterKind.EnvelopeList => "new[] { @event }",
        _ => "cancellationToken",
    };

    private static string BatchArgument(HandlerParameterKind kind) => kind switch
    {
        HandlerParameterKind.PayloadList => $"{Enumerable}ToArray({Enumerable}Select(events, static e => e.Data))",
        HandlerParameterKind.EnvelopeList => "events",
        HandlerParameterKind.Context => "context",
        _ => "cancellationToken",
    };

    private static void WriteCall(SourceWriter writer, FunctionModel function, Func<HandlerParameterKind, string> argument)
    {
        if (function.IsStatic)
        {
            writer.Write(function.ContainingTypeFqn);
        }
        else
        {
            writer.Write(GetRequiredService);
            writer.Write(function.ContainingTypeFqn);
            writer.Write(">(services)");
        }

        writer.Write(".");
        writer.Write(function.MethodName);
        writer.Write("(");
        for (var i = 0; i < function.Parameters.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(", ");
            }

            writer.Write(argument(function.Parameters[i]));
        }

        writer.Write(")");
    }
}
