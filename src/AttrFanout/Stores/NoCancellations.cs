namespace AttrFanout.Stores;

/// <summary>The stream of cancellation requests of a store that cannot cancel runs: it ends at once.</summary>
internal sealed class NoCancellations : IAsyncEnumerable<RunCancellation>, IAsyncEnumerator<RunCancellation>
{
    public static readonly NoCancellations Instance = new();

    public RunCancellation Current => default;

    public IAsyncEnumerator<RunCancellation> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

    public ValueTask<bool> MoveNextAsync() => ValueTask.FromResult(false);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
