namespace AttrFanout.Conformance;

/// <summary>
/// The suites that run <see cref="ConformanceFunctions"/> share them, their log and the process's meters: a test counting
/// <c>attrfanout.runs.failed</c> of a function would count another suite's failures too, so they run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection
{
    public const string Name = "Conformance functions";
}
