namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>Awaiting the runs a send returns, while those runs may end before the send has even returned their Ids.</summary>
public sealed class AwaitingTests
{
    [Fact]
    public async Task Every_run_sent_by_concurrent_senders_is_awaited_to_its_end_even_when_it_ends_before_its_send_returns()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db);
        const int senders = 4;
        const int eventsPerSender = 250;

        var sent = await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            var waits = new List<Task<FunctionRun>>();
            for (var i = 0; i < eventsPerSender; i++)
            {
                var result = await app.Sender.SendAsync(new FanOutHappened($"await-{sender}-{i}-{Guid.NewGuid():N}"));
                waits.AddRange(result.RunIds.Select(runId => app.Runs.WaitForCompletionAsync(runId)));
            }

            return await Task.WhenAll(waits).WaitAsync(Until.Timeout);
        })));

        var runs = sent.SelectMany(r => r).ToArray();
        Assert.Equal(senders * eventsPerSender * 3, runs.Length);
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
    }
}
