namespace AttrFanout;

/// <summary>
/// Invokes the functions of one event on the calling thread: no queue, no store, no retries. Handlers that complete
/// synchronously cost no allocation; the first that does not switches to awaiting the rest together.
/// </summary>
internal static class InlineDispatch
{
    public static ValueTask InvokeAllAsync(FunctionDescriptor[] functions, IServiceProvider services, EventEnvelope envelope, FunctionContext context, CancellationToken cancellationToken)
    {
        if (functions.Length == 1)
        {
            return Invoke(functions[0], services, envelope, context, cancellationToken);
        }

        for (var i = 0; i < functions.Length; i++)
        {
            var invocation = Invoke(functions[i], services, envelope, context, cancellationToken);
            if (!invocation.IsCompletedSuccessfully)
            {
                return AwaitRestAsync(invocation, functions, i + 1, services, envelope, context, cancellationToken);
            }

            invocation.GetAwaiter().GetResult();
        }

        return ValueTask.CompletedTask;
    }

    private static ValueTask Invoke(FunctionDescriptor function, IServiceProvider services, EventEnvelope envelope, FunctionContext context, CancellationToken cancellationToken)
    {
        try
        {
            return function.InvokeAsync(services, envelope, context, cancellationToken);
        }
        catch (Exception error)
        {
            return ValueTask.FromException(error);
        }
    }

    private static async ValueTask AwaitRestAsync(
        ValueTask first, FunctionDescriptor[] functions, int next, IServiceProvider services, EventEnvelope envelope, FunctionContext context, CancellationToken cancellationToken)
    {
        var invocations = new Task[functions.Length - next + 1];
        invocations[0] = first.AsTask();
        for (var i = next; i < functions.Length; i++)
        {
            invocations[i - next + 1] = Invoke(functions[i], services, envelope, context, cancellationToken).AsTask();
        }

        await Task.WhenAll(invocations).ConfigureAwait(false);
    }
}
