namespace AttrFanout.Sqlite.Tests.Worker;

/// <summary>A clock stopped at the instant the test passed, so the child agrees with the test's fake clock.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
