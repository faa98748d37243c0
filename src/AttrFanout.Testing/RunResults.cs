using System.Collections;

namespace AttrFanout.Testing;

/// <summary>The finished runs of a send, by function Id.</summary>
public sealed class RunResults : IReadOnlyList<FunctionRun>
{
    private readonly IReadOnlyList<FunctionRun> _runs;

    internal RunResults(IReadOnlyList<FunctionRun> runs) => _runs = runs;

    /// <summary>Gets the run of the function <paramref name="functionId"/>.</summary>
    /// <param name="functionId">The function's Id.</param>
    /// <exception cref="KeyNotFoundException">No run of that function is among the results.</exception>
    public FunctionRun this[string functionId] =>
        _runs.FirstOrDefault(r => string.Equals(r.FunctionId, functionId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No run of function '{functionId}'. The runs are of: {string.Join(", ", _runs.Select(static r => r.FunctionId))}.");

    /// <inheritdoc />
    public FunctionRun this[int index] => _runs[index];

    /// <inheritdoc />
    public int Count => _runs.Count;

    /// <summary>Gets whether every run succeeded.</summary>
    public bool AllSucceeded => _runs.All(static r => r.Status == RunStatus.Succeeded);

    /// <inheritdoc />
    public IEnumerator<FunctionRun> GetEnumerator() => _runs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
