using System.Threading.RateLimiting;

namespace AttrFanout.Pipelines.Tests.Infrastructure;

/// <summary>
/// Lets one call through per window of the test's clock and rejects the others with the time left until the next window,
/// as a real rate limiter's lease says it; <see cref="System.Threading.RateLimiting"/>'s own limiters read the system clock.
/// </summary>
public sealed class WindowLimiter(TimeProvider time, TimeSpan window) : RateLimiter
{
    private readonly Lock _gate = new();
    private long _usedWindow = -1;

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var current = now.UtcTicks / window.Ticks;
            if (current != _usedWindow)
            {
                _usedWindow = current;
                return new WindowLease(null);
            }

            return new WindowLease(new DateTimeOffset((current + 1) * window.Ticks, TimeSpan.Zero) - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
