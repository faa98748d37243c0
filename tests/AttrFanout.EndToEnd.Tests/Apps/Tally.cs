using AttrFanout.EndToEnd.Tests.Infrastructure;

namespace AttrFanout.EndToEnd.Tests.Apps;

/// <summary>Source of the counter the test apps' functions signal: each prints its function Id as it runs.</summary>
internal static class Tally
{
    public static SourceFile In(string ns) => new("Tally.cs", $$"""
        namespace {{ns}};

        public sealed class Tally
        {
            private readonly SemaphoreSlim _ran = new(0);

            public static Tally Shared { get; } = new();

            public void Ran(string functionId)
            {
                Console.WriteLine($"ran {functionId}");
                _ran.Release();
            }

            /// <summary>0 once <paramref name="functions"/> runs were signalled, 1 when the timeout comes first.</summary>
            public async Task<int> WaitForAsync(int functions, TimeSpan timeout)
            {
                using var expiry = new CancellationTokenSource(timeout);
                for (var done = 0; done < functions; done++)
                {
                    try
                    {
                        await _ran.WaitAsync(expiry.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        Console.WriteLine($"timed out after {timeout.TotalSeconds} s: {done} of {functions} functions ran");
                        return 1;
                    }
                }

                Console.WriteLine($"all {functions} functions ran");
                return 0;
            }
        }
        """);
}
