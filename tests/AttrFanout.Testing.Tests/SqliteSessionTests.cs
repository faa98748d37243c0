using AttrFanout.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Testing.Tests;

public sealed class SqliteSessionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-harness-").FullName;

    [Fact]
    public async Task A_cascade_on_a_real_sqlite_file_is_followed_with_its_retries_stepped_on_the_fake_clock()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var log = new CascadeLog();
        var file = Path.Combine(_directory, "app.db");
        await using var fanout = FanoutTestHarness.Create(services => services
            .AddAttrFanout(o => o.UseSqlite($"Data Source={file}"))
            .AddSingleton(log));
        await using var session = fanout.Track();

        await session.SendAsync(new CascadeOrderPlaced("o-9"), cancellationToken: timeout.Token);
        var report = await session.RunUntilIdleAsync(timeout.Token);

        Assert.Equal(5, report.Runs.Count);
        Assert.Equal((RunStatus.Succeeded, 2), (report["book-courier"].Status, report["book-courier"].Attempts));
        Assert.Equal((RunStatus.Failed, 3), (report["print-label"].Status, report["print-label"].Attempts));
        Assert.Same(report["print-label"], report["alert-on-failure"].Event.SentBy);
        Assert.Equal(RunStatus.Succeeded, report["alert-on-failure"].Status);
        Assert.True(File.Exists(file));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
