using System.Diagnostics;
using System.Text;

namespace AttrFanout.Sqlite.Tests;

/// <summary>The worker exe (tests/AttrFanout.Sqlite.Tests.Worker) run as a child process, its stdout read line by line.</summary>
internal sealed class WorkerProcess : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public static WorkerProcess Start(params string[] arguments) => StartDll("AttrFanout.Sqlite.Tests.Worker.dll", arguments);

    /// <summary>Starts the engine worker (tests/AttrFanout.Sqlite.Tests.EngineWorker): the real engine over SQLite with real functions.</summary>
    public static WorkerProcess StartEngine(params string[] arguments) => StartDll("AttrFanout.Sqlite.Tests.EngineWorker.dll", arguments);

    private static WorkerProcess StartDll(string dll, string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("The worker process did not start."));
    }

    /// <summary>Reads the next complete line (without its " ok" end), or null when the worker's output ended.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The worker printed nothing for {Timeout}. Its errors: {Errors}");
            }

            if (line is null)
            {
                return null;
            }

            if (line.EndsWith(" ok", StringComparison.Ordinal))
            {
                return line[..^3];
            }
        }
    }

    public async Task<string> ExpectLineAsync()
        => await ReadLineAsync() ?? throw new InvalidOperationException($"The worker's output ended early (exit code {ExitCodeOrNull}). Its errors: {Errors}");

    /// <summary>Reads until the output ends; more than <paramref name="maxLines"/> lines fails the test instead of reading forever.</summary>
    public async Task<List<string>> ReadToEndAsync(int maxLines = int.MaxValue)
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (lines.Count > maxLines)
            {
                throw new InvalidOperationException($"The worker printed more than {maxLines} lines.");
            }
        }

        return lines;
    }

    public Task SendLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Kills the worker with SIGKILL and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Gets the worker's process Id.</summary>
    public int Id => _process.Id;

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    private int? ExitCodeOrNull => _process.HasExited ? _process.ExitCode : null;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
