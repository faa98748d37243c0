namespace AttrFanout.Sqlite.Writing;

/// <summary>A write queued for the group-commit writer. Its result is published only after its transaction committed.</summary>
internal abstract class WriteOperation
{
    /// <summary>Writes inside the current transaction; may run again in a new transaction if the batch is retried.</summary>
    public abstract void Execute(WriteContext context);

    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

/// <summary>A write that produces a <typeparamref name="T"/>.</summary>
internal abstract class WriteOperation<T> : WriteOperation
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public sealed override void Execute(WriteContext context) => _result = Run(context);

    public sealed override void Complete() => _completion.TrySetResult(_result);

    public sealed override void Fail(Exception exception) => _completion.TrySetException(exception);

    protected abstract T Run(WriteContext context);
}
