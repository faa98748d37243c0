using AttrFanout.Generators.Model;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes the direct, typed call of one handler inside its descriptor's static lambda.</summary>
internal static class InvokerEmitter
{
    private const string Parameters = "static (services, @event, context, cancellationToken) => ";
    private const string GetRequiredService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<";

    /// <summary>
    /// This emits the lambda as one line, followed by <paramref name="suffix"/>, e.g. for <c>Task Send(UserSignedUp signup, CancellationToken ct)</c>:
    /// <code>
    /// static (services, @event, context, cancellationToken) => new global::System.Threading.Tasks.ValueTask(
    ///     global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService&lt;global::MyApp.Welcome&gt;(services).Send(@event.Data, cancellationToken))
    /// </code>
    /// </summary>
    public static void WriteLambda(SourceWriter writer, FunctionModel function, string suffix)
    {
        writer.Write(Parameters);
        switch (function.ReturnKind)
        {
            case HandlerReturnKind.ValueTask:
                WriteCall(writer, function);
                break;
            case HandlerReturnKind.Task:
                writer.Write("new global::System.Threading.Tasks.ValueTask(");
                WriteCall(writer, function);
                writer.Write(")");
                break;
            default:
                writer.Write("{ ");
                WriteCall(writer, function);
                writer.Write("; return default; }");
                break;
        }

        writer.WriteLine(suffix);
    }

    private static void WriteCall(SourceWriter writer, FunctionModel function)
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

            writer.Write(function.Parameters[i] switch
            {
                HandlerParameterKind.Payload => "@event.Data",
                HandlerParameterKind.Envelope => "@event",
                HandlerParameterKind.Context => "context",
                _ => "cancellationToken",
            });
        }

        writer.Write(")");
    }
}
