using AttrFanout.Sqlite.Engine;
using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>One process's app over a test database: the real engine and this assembly's functions, on the database's fake clock.</summary>
internal sealed class EngineApp : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private bool _gone;

    private EngineApp(ServiceProvider provider) => _provider = provider;

    public IEventSender Sender => _provider.GetRequiredService<IEventSender>();

    public IFunctionRuns Runs => _provider.GetRequiredService<IFunctionRuns>();

    public SqliteFanoutStore Store => (SqliteFanoutStore)_provider.GetRequiredService<IFanoutStore>();

    public static async Task<EngineApp> StartAsync(TestDatabase db, Action<AttrFanoutOptions>? configure = null, Action<SqliteStoreOptions>? store = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(db.Time);
        services.AddLogging(b => b.AddProvider(db.Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddAttrFanout(o =>
        {
            o.BaseRetryDelay = TimeSpan.FromMinutes(1);
            o.MaxRetryDelay = TimeSpan.FromMinutes(1);
            o.UseSqlite(db.ConnectionString, s =>
            {
                s.PollInterval = TimeSpan.FromSeconds(1);
                s.LeaseDuration = TimeSpan.FromSeconds(30);
                store?.Invoke(s);
            });
            configure?.Invoke(o);
        });
        var app = new EngineApp(services.BuildServiceProvider());
        foreach (var hosted in app._provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return app;
    }

    /// <summary>Ends the app as a killed process would: the file keeps its leases, nothing is released.</summary>
    public async Task CrashAsync()
    {
        _gone = true;
        await Store.AbandonAsync();
        _provider.Dispose();
    }

    /// <summary>Moves the clock by <paramref name="by"/> in steps of one second, so every poll and renewal timer fires on its way.</summary>
    public static void Advance(FakeTimeProvider time, TimeSpan by)
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            time.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Moves the clock a step (one second by default) at a time, letting the engine work in between, until <paramref name="condition"/> holds.</summary>
    public static async Task AdvanceUntilAsync(TestDatabase db, Func<Task<bool>> condition, TimeSpan limit, string what, TimeSpan? step = null)
    {
        try
        {
            await AdvanceUntilAsync(db.Time, condition, limit, what, step ?? TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(timeout.Message + Environment.NewLine + db.Logs + Environment.NewLine + Dump(db), timeout);
        }
    }

    private static string Dump(TestDatabase db)
    {
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, function_id, status, attempt, attempt_leases, due_at, lease_owner, lease_until, available_at FROM runs";
        using var reader = command.ExecuteReader();
        var rows = new System.Text.StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                rows.Append(reader.IsDBNull(i) ? "null" : reader.GetValue(i)).Append(' ');
            }

            rows.AppendLine();
        }

        return rows.ToString();
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<Task<bool>> condition, TimeSpan limit, string what, TimeSpan step)
    {
        var guard = Task.Delay(Until.Timeout);
        var end = time.GetUtcNow() + limit;
        while (!await condition())
        {
            if (guard.IsCompleted || time.GetUtcNow() >= end)
            {
                throw new TimeoutException($"Timed out waiting until {what} (fake clock at {time.GetUtcNow():O}).");
            }

            time.Advance(step);
            var settle = System.Diagnostics.Stopwatch.StartNew();
            while (settle.ElapsedMilliseconds < 50 && !await condition())
            {
                await Task.Yield();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_gone)
        {
            return;
        }

        _gone = true;
        foreach (var hosted in _provider.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
    }
}
