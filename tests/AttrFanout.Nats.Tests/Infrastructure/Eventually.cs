namespace AttrFanout.Nats.Tests.Infrastructure;

internal static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value <paramref name="done"/> accepts; fails after a generous bound.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
