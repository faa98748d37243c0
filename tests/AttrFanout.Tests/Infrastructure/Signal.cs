namespace AttrFanout.Tests.Infrastructure;

/// <summary>A one-shot signal that handlers await and tests set.</summary>
public sealed class Signal
{
    private readonly TaskCompletionSource _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _source.Task;

    public bool IsSet => _source.Task.IsCompleted;

    public void Set() => _source.TrySetResult();
}
