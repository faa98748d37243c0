namespace AttrFanout.Cli.Tests.Infrastructure;

internal static class Poll
{
    /// <summary>Asks <paramref name="probe"/> until <paramref name="done"/> accepts its answer; fails after a generous bound.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (bound.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
