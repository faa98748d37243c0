using System.Diagnostics;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>A worker app in its own process (tests/AttrFanout.Nats.Tests.Worker), journaling to its own file.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, string journal)
    {
        _process = process;
        Journal = journal;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line == "ready" || line.StartsWith("unhealthy", StringComparison.Ordinal)))
            {
                _ready.TrySetResult(line);
            }
        };
        _process.Exited += (_, _) => _ready.TrySetResult("exited with code " + _process.ExitCode);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Journal { get; }

    /// <summary>
    /// Starts a worker; a <paramref name="traced"/> one records AttrFanout's spans; a <paramref name="keyed"/> one runs four
    /// attempts at once with 3 s flow-control leases; a <paramref name="held"/> one has only a debounced and a batched function.
    /// </summary>
    public static WorkerProcess Start(NatsJetStreamOptions options, string journal, int workMilliseconds, bool traced = false, bool keyed = false, bool held = false)
    {
        var dll = Path.Combine(
            AppContext.BaseDirectory.Replace("AttrFanout.Nats.Tests" + Path.DirectorySeparatorChar + "bin", "AttrFanout.Nats.Tests.Worker" + Path.DirectorySeparatorChar + "bin", StringComparison.Ordinal),
            "AttrFanout.Nats.Tests.Worker.dll");
        var start = new ProcessStartInfo("dotnet", [dll, options.Url, options.StreamName, options.SubjectPrefix, journal, workMilliseconds.ToString(), held ? "held" : keyed ? "keyed" : traced ? "traced" : "plain"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        return new WorkerProcess(process, journal);
    }

    public async Task WaitReadyAsync()
    {
        var status = await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(status == "ready", $"worker {Journal}: {status}");
    }

    public string[] Lines() => File.Exists(Journal) ? File.ReadAllLines(Journal) : [];

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
