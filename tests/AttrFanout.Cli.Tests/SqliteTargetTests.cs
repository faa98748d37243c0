using AttrFanout.Cli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Cli.Tests;

/// <summary>The tool on the SQLite file of the running Dashboard sample, whose first order's warehouse run fails for good.</summary>
public sealed class SqliteTargetTests : IAsyncLifetime
{
    private readonly ShopApp _app = ShopHost.Create();
    private string _failedRunId = "";

    public async Task InitializeAsync()
    {
        _failedRunId = await _app.OrderAsync("o-1");
        Assert.Equal(RunStatus.Failed, (await _app.WaitAsync(_failedRunId)).Status);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Lists_the_failed_run_shows_its_error_and_replays_it_and_the_app_runs_the_replay_to_success()
    {
        var failed = await Tool.RunAsync("runs", "--status", "failed", "--sqlite", _app.DatabasePath);
        var shown = await Tool.RunAsync("runs", "show", _failedRunId, "--sqlite", _app.DatabasePath);
        var replayed = await Tool.RunAsync("replay", _failedRunId, "--sqlite", _app.DatabasePath, "--json");

        Assert.True(failed.ExitCode == 0, failed.ToString());
        var row = Assert.Single(failed.Out.Split('\n'), line => line.StartsWith(_failedRunId, StringComparison.Ordinal));
        Assert.Contains("notify-warehouse", row);
        Assert.Contains("failed", row);
        Assert.Contains("HttpRequestException: Warehouse unavailable (503)", row);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Matches($"^Run +{System.Text.RegularExpressions.Regex.Escape(_failedRunId)}\n", shown.Out);
        Assert.Contains("System.Net.Http.HttpRequestException", shown.Out);
        Assert.Contains("Warehouse unavailable (503) for order o-1, attempt 3", shown.Out);
        var attempts = shown.Out[shown.Out.IndexOf("Attempts:", StringComparison.Ordinal)..];
        Assert.Contains("#1  ", attempts);
        Assert.Contains("Warehouse unavailable (503) for order o-1, attempt 1", attempts);
        Assert.Contains("#3  ", attempts);
        Assert.Contains(" at ", attempts);
        Assert.DoesNotContain("not kept by the store; the app's log", shown.Out);
        Assert.True(replayed.ExitCode == 0, replayed.ToString());
        var replayId = replayed.Json().GetProperty("runId").GetString()!;
        Assert.Equal(_failedRunId, replayed.Json().GetProperty("replayOf").GetString());

        Assert.Equal(RunStatus.Succeeded, (await _app.WaitAsync(replayId)).Status);
        var after = await Tool.RunAsync("runs", "show", _failedRunId, "--sqlite", _app.DatabasePath, "--json");
        Assert.Equal(replayId, after.Json().GetProperty("replayedBy").GetString());
    }

    [Fact]
    public async Task Json_output_parses_with_statuses_by_name()
    {
        var result = await Tool.RunAsync("runs", "--sqlite", _app.DatabasePath, "--json", "--function", "notify-warehouse");

        Assert.True(result.ExitCode == 0, result.ToString());
        var run = Assert.Single(result.Json().GetProperty("runs").EnumerateArray());
        Assert.Equal(_failedRunId, run.GetProperty("runId").GetString());
        Assert.Equal("Failed", run.GetProperty("status").GetString());
        Assert.Equal(3, run.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_set_is_replayed_only_with_yes()
    {
        var asked = await Tool.RunAsync("replay", "--failed", "--function", "notify-warehouse", "--sqlite", _app.DatabasePath);
        var untouched = await _app.Runs.GetAsync(_failedRunId);
        var confirmed = await Tool.RunAsync("replay", "--failed", "--function", "notify-warehouse", "--yes", "--sqlite", _app.DatabasePath, "--json");

        Assert.Equal(2, asked.ExitCode);
        Assert.Contains(_failedRunId, asked.Out);
        Assert.Contains("add --yes", asked.Error);
        Assert.Null(untouched!.ReplayedBy);
        Assert.True(confirmed.ExitCode == 0, confirmed.ToString());
        Assert.Equal(1, confirmed.Json().GetProperty("count").GetInt32());
        Assert.NotNull((await _app.Runs.GetAsync(_failedRunId))!.ReplayedBy);
    }

    [Fact]
    public async Task Functions_are_listed_from_their_runs_with_counts_and_a_note_naming_the_dashboard()
    {
        var result = await Tool.RunAsync("functions", "--sqlite", _app.DatabasePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        var warehouse = Assert.Single(result.Out.Split('\n'), line => line.StartsWith("notify-warehouse ", StringComparison.Ordinal));
        Assert.Contains("shop/order.placed", warehouse);
        Assert.Contains("reserve-stock", result.Out);
        Assert.Contains("--url", result.Error);
    }

    [Fact]
    public async Task Send_is_refused_with_the_target_that_can()
    {
        var result = await Tool.RunAsync("send", "shop/order.placed", "--data", "{\"orderId\":\"o-2\"}", "--sqlite", _app.DatabasePath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--url", result.Error);
        Assert.Contains("--event-key", result.Error);
    }

    [Fact]
    public async Task Unknown_run_Ids_fail_with_exit_code_1_naming_the_Id()
    {
        var shown = await Tool.RunAsync("runs", "show", "404-nothing", "--sqlite", _app.DatabasePath);
        var replayed = await Tool.RunAsync("replay", "404-nothing", "--sqlite", _app.DatabasePath);
        var cancelled = await Tool.RunAsync("cancel", "404-nothing", "--sqlite", _app.DatabasePath);

        Assert.All([shown, replayed, cancelled], r => Assert.Equal(1, r.ExitCode));
        Assert.All([shown, replayed, cancelled], r => Assert.Contains("No run '404-nothing'", r.Error));
    }

    [Fact]
    public async Task A_run_that_is_not_failed_is_not_replayed()
    {
        var stock = _failedRunId.Replace("notify-warehouse", "reserve-stock", StringComparison.Ordinal);
        Assert.Equal(RunStatus.Succeeded, (await _app.WaitAsync(stock)).Status);

        var result = await Tool.RunAsync("replay", stock, "--sqlite", _app.DatabasePath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is succeeded, not failed", result.Error);
    }

    [Fact]
    public async Task A_file_of_a_newer_schema_is_refused_and_left_as_it_is()
    {
        var newer = Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "newer.db");
        await using (var connection = new SqliteConnection($"Data Source={newer};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE runs (id TEXT); PRAGMA user_version = 999;";
            await command.ExecuteNonQueryAsync();
        }

        var result = await Tool.RunAsync("runs", "--sqlite", newer);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("schema version 999", result.Error);
        Assert.Contains("newer", result.Error);
        Assert.Equal(999, UserVersion(newer));
    }

    [Fact]
    public async Task A_file_that_is_no_store_is_refused_and_not_turned_into_one()
    {
        var other = Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT);";
            await command.ExecuteNonQueryAsync();
        }

        var result = await Tool.RunAsync("functions", "--sqlite", other);
        var missing = await Tool.RunAsync("functions", "--sqlite", other + ".missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not an AttrFanout SQLite store", result.Error);
        Assert.Equal(0, UserVersion(other));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("No file at", missing.Error);
        Assert.False(File.Exists(other + ".missing"));
    }

    private static int UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
